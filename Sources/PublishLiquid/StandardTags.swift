/// liquid-ruby's tags, by name.
enum StandardTags {
    static let all: [String: TagParser] = [
        "if": If.parser(negatesFirst: false),
        "unless": If.parser(negatesFirst: true),
        "case": Case.parser,
        "for": For.parser,
        "tablerow": TableRow.parser,
        "break": LoopControl.parser(.breakLoop),
        "continue": LoopControl.parser(.continueLoop),
        "assign": Assign.parser,
        "capture": Capture.parser,
        "echo": Echo.parser,
        "increment": Counter.parser(step: 1),
        "decrement": Counter.parser(step: -1),
        "cycle": Cycle.parser,
        "raw": Raw.raw,
        "comment": Raw.comment,
        "doc": Raw.doc,
        "#": Raw.inlineComment,
        "ifchanged": IfChanged.parser,
        "include": Include.parser(isRender: false),
        "render": Include.parser(isRender: true),
    ]
}
