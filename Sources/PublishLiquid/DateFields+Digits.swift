extension DateFields {
    /// A run of digits read by its length (`20240315`, `240315`, `0315`,
    /// `2024075`), maybe with a time after it (`T103000`), a fraction and
    /// a zone (`Z`, `+0900`, `[-5:EST]`).
    mutating func readDigits() -> Bool {
        guard let match = take(DatePatterns.digitRun), let run = match[2].map(Array.init) else { return false }
        let isNegative = match[1]?.first == UInt8(ascii: "-")
        let clock = match[3].map(Array.init) ?? []
        // A fraction right after the run makes it a time, read from its end.
        let isClock = match[3] == nil && match[4] != nil
        func pair(_ bytes: [UInt8], _ at: Int) -> Int { DateFields.number(bytes[at..<at + 2]) }
        func signedYear(_ digits: Int) -> Int {
            let value = DateFields.number(run[..<digits])
            return isNegative ? -value : value
        }
        let length = run.count
        switch (length, isClock) {
        case (2, true): second = DateFields.number(run)
        case (2, false): day = DateFields.number(run)
        case (3, true): (minute, second) = (DateFields.number(run[..<1]), pair(run, 1))
        case (3, false): yearDay = DateFields.number(run)
        case (4, true): (minute, second) = (pair(run, 0), pair(run, 2))
        case (4, false): (month, day) = (pair(run, 0), pair(run, 2))
        case (5, true): (hour, minute, second) = (DateFields.number(run[..<1]), pair(run, 1), pair(run, 3))
        case (5, false): (year, yearDay) = (signedYear(2), DateFields.number(run[2...]))
        case (6, true): (hour, minute, second) = (pair(run, 0), pair(run, 2), pair(run, 4))
        case (6, false): (year, month, day) = (signedYear(2), pair(run, 2), pair(run, 4))
        case (7, true): (day, hour, minute, second) = (DateFields.number(run[..<1]), pair(run, 1), pair(run, 3), pair(run, 5))
        case (7, false): (year, yearDay) = (signedYear(4), DateFields.number(run[4...]))
        case (8, true), (10, true), (12, true), (14, true):
            (day, hour, minute, second) = (pair(run, length - 8), pair(run, length - 6), pair(run, length - 4), pair(run, length - 2))
            if length >= 10 { month = pair(run, length - 10) }
            if length == 12 { year = signedYear(2) }
            if length == 14 {
                year = signedYear(4)
                completesYear = false
            }
        case (8, false), (10, false), (12, false), (14, false):
            (year, month, day) = (signedYear(4), pair(run, 4), pair(run, 6))
            if length >= 10 { hour = pair(run, 8) }
            if length >= 12 { minute = pair(run, 10) }
            if length >= 14 { second = pair(run, 12) }
            completesYear = false
        default: break
        }
        if [2, 4, 6].contains(clock.count) {
            if match[4] != nil {
                // With a fraction, the time is read from its end: seconds first.
                second = pair(clock, clock.count - 2)
                if clock.count >= 4 { minute = pair(clock, clock.count - 4) }
                if clock.count == 6 { hour = pair(clock, 0) }
            } else {
                hour = pair(clock, 0)
                if clock.count >= 4 { minute = pair(clock, 2) }
                if clock.count == 6 { second = pair(clock, 4) }
            }
        }
        if let fraction = match[4], !fraction.isEmpty { nanoseconds = DateFields.nanoseconds(fraction) }
        if let zone = match[5] {
            // `[-5:EST]` names its zone after the colon.
            var name = zone
            if name.first == UInt8(ascii: "[") {
                name = name.dropFirst().dropLast()
                if let colon = name.firstIndex(of: UInt8(ascii: ":")) { name = name[(colon + 1)...] }
            }
            self.zone = String(decoding: name, as: UTF8.self)
        }
        return true
    }
}
