"""`make eval`: how well the assistant understands patients, measured (never trained) on
held-out folds and the shared dev sets, for our pipeline beside the stock one."""
