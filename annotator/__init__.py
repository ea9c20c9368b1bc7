"""The application: the `claims` command line and the Textual annotator."""
