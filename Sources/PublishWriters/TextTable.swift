import PublishAST

/// A table laid out in monospaced columns, two spaces apart, with a line of
/// dashes under the header.
struct TextTable {
    let rows: [[String]]
    let alignments: [TableAlignment]

    func lines() -> [String] {
        guard let header = rows.first else { return [] }
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.displayWidth) }
        }
        var lines = [line(header, widths)]
        lines.append(widths.map { String(repeating: "-", count: max($0, 1)) }.joined(separator: "  "))
        lines += rows.dropFirst().map { line($0, widths) }
        return lines
    }

    private func line(_ row: [String], _ widths: [Int]) -> String {
        var cells: [String] = []
        for (index, width) in widths.enumerated() {
            let cell = index < row.count ? row[index] : ""
            let room = width - cell.displayWidth
            let alignment = index < alignments.count ? alignments[index] : .none
            switch alignment {
            case .right: cells.append(String(repeating: " ", count: room) + cell)
            case .center:
                cells.append(String(repeating: " ", count: room / 2) + cell + String(repeating: " ", count: room - room / 2))
            case .left, .none: cells.append(cell + String(repeating: " ", count: room))
            }
        }
        return cells.joined(separator: "  ")
    }
}
