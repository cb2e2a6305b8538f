/// The patterns of `Date._parse` that `Time.parse` relies on.
enum DatePatterns {
    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
    static func isSign(_ byte: UInt8) -> Bool { byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") }
    static func isSpace(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || (9...13).contains(byte) }
    /// ASCII letters, and any byte of a character beyond ASCII.
    static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20) || byte >= 0x80
    }

    /// The ASCII characters `Date._parse` keeps; others become spaces.
    static let kept = ByteClass { isDigit($0) || isLetter($0) || "-+',./:@[]".utf8.contains($0) }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        .map { Array($0.utf8) }
    private static let month = DatePattern.either(monthNames.map(DatePattern.text))
    private static let digit = DatePattern.byte(ByteClass(isDigit))
    private static let digits = DatePattern.some(digit)
    private static let space = DatePattern.byte(ByteClass(isSpace))
    private static let spaces = DatePattern.any(space)
    private static let sign = DatePattern.byte(ByteClass(isSign))
    private static let commaOrDot = DatePattern.byte(ByteClass(anyOf: ",."))
    private static func digits(_ count: Int) -> DatePattern { .repeated(digit, min: count, max: count) }
    private static let twoOrFourDigits = DatePattern.either([digits(2), digits(4)])
    /// What may follow a day or a month name: `th`, `uary,`.
    private static let nameTail = DatePattern.any(.byte(ByteClass { isDigit($0) || isSpace($0) || $0 == UInt8(ascii: "-")
        || $0 == UInt8(ascii: "'") }.inverted))
    /// A year as written: `2024`, `-44`, `'99`.
    private static let year = DatePattern.sequence([.optional("'"), .optional("-"), digits])
    private static let quotedDigits = DatePattern.sequence([.optional("'"), digits])
    private static let era = DatePattern.either([
        .sequence(["c", .either(["e", ".e."])]), .sequence(["b", .either(["ce", ".c.e."])]),
        .sequence(["a", .either(["d", ".d."])]), .sequence(["b", .either(["c", ".c."])]),
    ])
    private static let meridian = DatePattern.sequence([
        .byte(ByteClass(anyOf: "ap")), .either([.sequence(["m", .wordBoundary]), ".m."]),
    ])

    /// `Mon`, `Monday,`.
    static let weekday = SearchPattern(.sequence([
        .wordBoundary, .either(["sun", "mon", "tue", "wed", "thu", "fri", "sat"]),
        .any(.byte(ByteClass { isDigit($0) || isSpace($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "/") }
            .inverted)),
    ]))

    /// A time (`10:30`, `10:30:15.25`, `10h30`, `10 pm`) as group 1 and
    /// the zone after it (`Z`, `+09:00`, `PST`, `Eastern Standard Time`)
    /// as group 2.
    static let time: SearchPattern = {
        let colons = DatePattern.sequence([
            digits, spaces, ":", spaces, digits,
            .optional(.sequence([spaces, ":", spaces, digits, .optional(.sequence([commaOrDot, .any(digit)]))])),
        ])
        let hours = DatePattern.sequence([
            digits, spaces, "h", .optional(.sequence([spaces, digits, .optional("m"),
                                                      .optional(.sequence([spaces, digits, .optional("s")]))])),
        ])
        let clock = DatePattern.either([
            .sequence([.either([colons, hours]), .optional(.sequence([spaces, meridian]))]),
            .sequence([digits, spaces, meridian]),
        ])
        let letters = DatePattern.byte(ByteClass(isLetter))
        let zone = DatePattern.either([
            .sequence([.optional(.either(["gmt", .sequence(["ut", .optional("c")])])), sign, digits,
                       .optional(.sequence([.byte(ByteClass(anyOf: ",.:")), digits, .optional(.sequence([":", digits]))]))]),
            .sequence([.some(.byte(ByteClass { isLetter($0) || isSpace($0) || $0 == UInt8(ascii: ".") })),
                       .either(["standard", "daylight"]), space, "time", .wordBoundary]),
            .sequence([.some(letters), .optional(.sequence([space, "dst"])), .wordBoundary]),
        ])
        return SearchPattern(.sequence([.group(1, clock), .optional(.sequence([spaces, .group(2, zone)]))]))
    }()

    /// The parts of a time: hour, minute, second, fraction, `a` or `p`.
    static let clock = SearchPattern(.sequence([
        .start, .group(1, digits), .optional("h"),
        .optional(.sequence([
            spaces, .optional(":"), spaces, .group(2, digits), .optional("m"),
            .optional(.sequence([spaces, .optional(":"), spaces, .group(3, digits),
                                 .optional(.sequence([commaOrDot, .group(4, digits)])), .optional("s")])),
        ])),
        .optional(.sequence([spaces, .group(5, .byte(ByteClass(anyOf: "ap"))), .either([.sequence(["m", .wordBoundary]), ".m."])])),
    ]))

    /// `14 March 2016`, `14th Mar`: day, month, era, year.
    static let european = SearchPattern(.sequence([
        .optional("'"), .wordBoundary, .group(1, digits), nameTail, spaces, .group(2, month), nameTail,
        .optional(.sequence([spaces, .optional(.group(3, era)), spaces,
                             .group(4, .sequence([year, .optional(.sequence([.either(["st", "nd", "rd", "th"]), .wordBoundary]))]))])),
    ]))

    /// `March 14, 2016`, `Jan 1`: month, day, era, year.
    static let american = SearchPattern(.sequence([
        .wordBoundary, .group(1, month), nameTail, spaces, .group(2, quotedDigits), nameTail,
        .optional(.sequence([spaces, .optional(","), spaces, .optional(.group(3, era)), spaces, .group(4, year)])),
    ]))

    /// `2016-03-14`.
    static let iso = SearchPattern(.sequence([
        .group(1, .sequence([.optional("'"), .optional(sign), digits])), "-", .group(2, digits), "-", .group(3, year),
    ]))

    /// `14-Mar-2016`.
    static let vmsDayFirst = SearchPattern(.sequence([
        .group(1, year), "-", .group(2, month), .any(.byte(ByteClass(anyOf: "-/.").inverted)), "-", .group(3, year),
    ]))

    /// `Mar-14-2016`, `Mar-14`.
    static let vmsMonthFirst = SearchPattern(.sequence([
        .wordBoundary, .group(1, month), .any(.byte(ByteClass(anyOf: "-/.").inverted)), "-", .group(2, year),
        .optional(.sequence(["-", .group(3, year)])),
    ]))

    /// `2016/03/14`, `14/03/2016`.
    static let slashes = SearchPattern(.sequence([
        .group(1, year), "/", spaces, .group(2, quotedDigits),
        .optional(.sequence([.byte(ByteClass(isDigit).inverted), spaces, .group(3, year)])),
    ]))

    /// `14.03.2016`, `2016.03.14`.
    static let dots = SearchPattern(.sequence([
        .group(1, year), ".", spaces, .group(2, quotedDigits), ".", spaces, .group(3, year),
    ]))

    /// `2016-W11-1`, `W11`.
    static let isoWeek = SearchPattern(.sequence([
        .wordBoundary, .optional(twoOrFourDigits), .optional("-"), "w", digits(2),
        .optional(.sequence([.optional("-"), digit])), .wordBoundary,
    ]))
    /// `-W-1`.
    static let isoWeekday = SearchPattern(.sequence(["-w-", digit, .wordBoundary]))
    /// `--03-14`, `---14`.
    static let isoMonthDay = SearchPattern(.sequence([
        "--", .optional(.group(1, digits(2))), "-", .group(2, digits(2)), .wordBoundary,
    ]))
    /// `--0314`, `--03`.
    static let isoMonthDayRun = SearchPattern(.sequence([
        "--", .group(1, digits(2)), .optional(.group(2, digits(2))), .wordBoundary,
    ]))
    /// `2016-074`: year and day of the year.
    static let isoOrdinal = SearchPattern(.sequence([
        .wordBoundary, .group(1, twoOrFourDigits), "-", .group(2, digits(3)), .wordBoundary,
    ]))
    /// What keeps `isoOrdinal` from reading the end of a fraction.
    static let afterFraction = SearchPattern(.sequence([commaOrDot, twoOrFourDigits, "-", digits(3), .wordBoundary]))
    /// `-074`: the day of the year alone.
    static let isoDayOfYear = SearchPattern(.sequence([.wordBoundary, "-", .group(1, digits(3)), .wordBoundary]))
    /// What keeps `isoDayOfYear` from reading the end of a date.
    static let afterDigit = SearchPattern(.sequence([digit, "-", digits(3), .wordBoundary]))

    /// `'16`.
    static let quotedYear = SearchPattern(.sequence(["'", .group(1, digits), .wordBoundary]))
    /// `March` alone.
    static let monthName = SearchPattern(.sequence([.wordBoundary, .group(1, month), .any(.byte(ByteClass(isSpace).inverted))]))
    /// `14th` alone.
    static let ordinalDay = SearchPattern(.sequence([.group(1, digits), .either(["st", "nd", "rd", "th"]), .wordBoundary]))

    /// A sign, a run of digits, a time of digits, a fraction and a zone.
    static let digitRun = SearchPattern(.sequence([
        .group(1, .optional(sign)), .group(2, .repeated(digit, min: 2, max: 14)),
        .optional(.sequence([spaces, .optional("t"), spaces, .optional(.group(3, .repeated(digit, min: 2, max: 6))),
                             .optional(.sequence([commaOrDot, .group(4, .any(digit))]))])),
        .optional(.sequence([spaces, .group(5, .either([
            .sequence(["z", .wordBoundary]),
            .sequence([sign, .repeated(digit, min: 1, max: 4), .wordBoundary]),
            .sequence(["[", .optional(sign), digit, .any(.byte(ByteClass(anyOf: "]").inverted)), "]"]),
        ]))])),
    ]))

    /// `BC`, `BCE`, `B.C.`.
    static let beforeChrist = SearchPattern(.sequence([
        .wordBoundary, .either([.sequence(["bc", .wordBoundary]), .sequence(["bce", .wordBoundary]), "b.c.", "b.c.e."]),
    ]))

    /// One or two digits, all that is left.
    static let fragment = SearchPattern(.sequence([.start, spaces, .group(1, .repeated(digit, min: 1, max: 2)), spaces, .end]))
}
