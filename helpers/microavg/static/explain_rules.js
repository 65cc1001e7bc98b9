// The explain-file explorer's data: its limits, its controls as the reader sees them, and
// every refusal's words as a template whose {names} the checks fill in. Read by
// static/explain_text.js and by microavg/explorers/pasted.py: what follows
// `export default` is JSON. Kept apart from rules.json, so the other explorers' bundles, and
// the lessons that saved them, stay as they are.
export default {
  "limits": {
    "max_chars": 50000000,
    "max_labels": 10000
  },
  "controls": {
    "text": "pasted text",
    "true": "true column",
    "pred": "predicted column",
    "counts": "counts column",
    "true_tags": "true tag columns",
    "pred_tags": "predicted tag columns",
    "labels": "labels scored"
  },
  "messages": {
    "empty": "{source} is empty: expected a header row and rows of data",
    "not_utf8": "{source} is not UTF-8 text",
    "not_text": "{source} must be text, got {got}",
    "too_big": "the file opened is {got} bytes: the page reads at most {high} characters (50 MB); explain a larger file on the command line: microavg explain FILE --true COL --pred COL",
    "too_long": "{source} is {got} characters long: the page reads at most {high} (50 MB); explain a larger file on the command line: microavg explain FILE --true COL --pred COL",
    "twice": "{source} names the column {name} twice: give each column its own name",
    "no_column": "{field}: {source} has no column named {name} (its columns are {known})",
    "pick": "{field}: pick one of the columns ({known})",
    "tag_counts": "{true} are {got_true} but {pred} are {got_pred}: give one predicted column per true column",
    "tag_twice": "{field}: the column {name} is named twice; give each tag its own column",
    "same_column": "{pred} and {true} both name the column {name}: a column scored against itself is always right; choose the column of predictions",
    "tags_counted": "{field}: a counted file cannot hold multi-label rows; give the rows",
    "no_rows": "{source} has a header row but no rows of data",
    "bad_quote": "{at}: a quoted field is not closed where it ends: end it with a quote (\") and write each quote inside it twice (\"\")",
    "blank": "{at}: column {name} is blank; every row needs a label",
    "nul": "{at}: column {name} holds {cell}, a label ending in NUL ('\\x00'), which would be merged with the same label without it: remove the NUL",
    "int64": "{at}: column {name} holds {cell}: more than int64 holds; labels this long must be text",
    "not_whole": "{at}: column {name} holds {cell}, not a whole number: labels must be discrete (threshold scores first)",
    "mixes": "{at}: column {name} mixes whole numbers ({number}) and text ({text}): a label column holds one or the other",
    "not_tag": "{at}: column {name} holds {cell}; multi-label columns hold 0 or 1",
    "kinds": "{source}: column {a} holds {kind_a} but column {b} holds {kind_b}: labels of one kind compare; convert one column",
    "bad_count": "{at}: {field} {name} holds {cell}; counts must be non-negative whole numbers below 2**52: fix or drop that row",
    "blank_count": "{at}: {field} {name} is blank; counts must be non-negative whole numbers below 2**52: fix or drop that row",
    "zero_counts": "{field} {name} is 0 on every row: at least one row must count",
    "too_many_rows": "{field} {name} sums to {got} rows: the engine counts exactly below 2**52 in all",
    "too_many_labels": "{source} holds {got} distinct labels: the page shows at most {high}; explain it on the command line: microavg explain FILE --true COL --pred COL",
    "labels_none": "{field}: tick at least one label to score",
    "labels_not_list": "{field} must be a list of labels, got {got}",
    "labels_blank": "{field} holds a blank label: give each label as text",
    "labels_twice": "{field} names {name} twice: name each label once",
    "labels_not_whole": "{field}: {name} is not a whole number, but the label columns hold whole numbers",
    "labels_int64": "{field}: {name} is more than int64 holds, and so is no label of the file",
    "labels_not_tag": "{field}: {name} is not one of the {true} ({known})"
  }
};
