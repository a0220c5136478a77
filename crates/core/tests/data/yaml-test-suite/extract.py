"""Builds the compact yaml-test-suite data for csrcraft's YAML reader test.

Reads the suite's `data` branch (one folder per case: ===, in.yaml, in.json,
error, test.event) and its `main` branch src/*.yaml (for the tags), and writes
one JSON array: each case's id, name, tags, YAML text, and either the JSON it
reads as ("json") or why csrcraft's reader refuses it ("refuse").
"""
import json, os, re, sys
import yaml

data, src, out = sys.argv[1:4]

def tags_of(case_id):
    base, _, sub = case_id.partition("/")
    with open(os.path.join(src, "src", base + ".yaml")) as f:
        items = yaml.safe_load(f)
    index = int(sub) if sub else 0
    tags = None
    for i in range(index, -1, -1):
        if "tags" in items[i]:
            tags = items[i]["tags"]
            break
    return (tags or "").split()

def json_docs(text):
    decoder, docs, pos = json.JSONDecoder(), [], 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        if pos >= len(text):
            return docs
        value, pos = decoder.raw_decode(text, pos)
        docs.append(value)

def collection_key(events):
    """Whether a mapping key is a collection or a plain empty scalar."""
    stack = []  # per open collection: [kind, count of children]
    for line in events:
        parts = line.split(" ", 1)
        head = parts[0]
        is_key = bool(stack) and stack[-1][0] == "MAP" and stack[-1][1] % 2 == 0
        if head in ("+MAP", "+SEQ"):
            if is_key:
                return "complex-key"
            stack.append([head[1:], 0])
            continue
        if head in ("-MAP", "-SEQ"):
            stack.pop()
        elif head == "=VAL" and is_key and parts[1] == ":":
            return "empty-key"
        if head in ("-MAP", "-SEQ", "=VAL", "=ALI") and stack:
            stack[-1][1] += 1
    return None

cases = []
for root, dirs, files in sorted(os.walk(data)):
    if "in.yaml" not in files:
        continue
    case_id = os.path.relpath(root, data)
    read = lambda name: open(os.path.join(root, name), encoding="utf-8", newline="").read()
    events = read("test.event").splitlines()
    tags = tags_of(case_id)
    text = read("in.yaml")
    case = {"id": case_id, "name": read("===").strip(), "tags": tags, "yaml": text}
    refuse = None
    event_text = "\n".join(events)
    if "error" in files:
        refuse = "invalid YAML (the suite's error case)"
    elif any(line.startswith("%") for line in text.split("---")[0].splitlines()):
        refuse = "directive"
    elif re.search(r"^([+=](MAP|SEQ|VAL))( \{\}| \[\])? &", event_text, re.M):
        refuse = "anchor"
    elif re.search(r"^=ALI", event_text, re.M):
        refuse = "alias"
    elif re.search(r"^([+=](MAP|SEQ|VAL))( \{\}| \[\])?( &\S+)? <", event_text, re.M):
        refuse = "tag"
    elif sum(1 for e in events if e.startswith("+DOC")) > 1:
        refuse = "more than one document"
    elif collection_key(events):
        refuse = collection_key(events)
    elif "in.json" not in files:
        refuse = "no JSON for it"
    if refuse:
        case["refuse"] = refuse
    else:
        docs = json_docs(read("in.json"))
        case["json"] = docs[0] if docs else None
    cases.append(case)

with open(out, "w") as f:
    f.write("[\n")
    f.write(",\n".join(json.dumps(c, ensure_ascii=False) for c in cases))
    f.write("\n]\n")
print(len(cases), "cases,", sum("json" in c for c in cases), "to read")
