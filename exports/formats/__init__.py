"""One module per export format: each turns a claim and its reviews into that format's records
(`converter(ctx)`), and the registry (`exports.registry`) names them. Adding a format is one
module here and one entry there."""
