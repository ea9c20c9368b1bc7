"""Modal dialogs: each is a `ModalScreen[T]` that answers through `dismiss()`."""
