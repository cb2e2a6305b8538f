import Foundation
import TestSupport
import Testing

/// What `build` says about itself: the closing line's counts, the posts
/// left out, every unknown key at once, a mistyped subcommand, the phases
/// `--verbose` times.
@Suite("What publish build says")
struct ClosingLineTests {
    typealias Site = BuildCommandTests.Site

    func closingLine(_ run: Publish.Run) -> String? {
        run.stderr.split(separator: "\n").map(String.init).last { $0.hasPrefix("publish: ") && $0.contains("built ") }
    }

    @Test("The closing line counts the errors and warnings and names the post an error left out")
    func closingLineCountsAndNamesLeftOut() throws {
        let site = try Site([
            "_posts/2014-06-16-bad.md": "---\ndate: someday\n---\nA\n",
            "_posts/2014-06-17-link.md": "[gone](2014-01-01-nothing.md)\n",
            "_posts/2014-06-18-good.md": "Good\n",
        ])
        let run = try site.build(["--format", "html"])
        #expect(run.status == 1)
        let line = try #require(closingLine(run), "\(run.stderr)")
        #expect(line.hasPrefix("publish: 1 error, 1 warning; built 2 posts"), "\(line)")
        #expect(run.stderr.contains("publish: 1 post left out for their errors: _posts/2014-06-16-bad.md\n"), "\(run.stderr)")
    }

    @Test("A clean build's closing line has no counts and names no post")
    func cleanClosingLine() throws {
        let site = try Site(["_posts/2014-06-18-good.md": "Good\n"])
        let run = try site.build(["--format", "html"])
        #expect(run.status == 0)
        #expect(closingLine(run)?.hasPrefix("publish: built 1 post") == true, "\(run.stderr)")
        #expect(!run.stderr.contains("left out"))
    }

    @Test("More than ten posts left out: ten are named, then how many more")
    func leftOutListIsShort() throws {
        var files: [String: String] = ["_posts/2014-06-30-good.md": "Good\n"]
        for day in 10...21 { files["_posts/2014-06-\(day)-bad.md"] = "---\ndate: someday\n---\nA\n" }
        let run = try Site(files).build(["--format", "html"])
        #expect(run.status == 1)
        #expect(closingLine(run)?.hasPrefix("publish: 12 errors; built 1 post") == true, "\(run.stderr)")
        let left = try #require(run.stderr.split(separator: "\n").first { $0.contains("left out") })
        #expect(left.hasPrefix("publish: 12 posts left out for their errors: _posts/2014-06-10-bad.md, "), "\(left)")
        #expect(left.hasSuffix("_posts/2014-06-19-bad.md and 2 more"), "\(left)")
    }

    @Test("Every unknown key of publish.yml is reported in one run, each at its line, and nothing is built")
    func everyUnknownKeyAtOnce() throws {
        let site = try Site([
            "publish.yml": "stagse: []\nsite:\n  titel: x\noutputs:\n  html:\n    paginat: 5\n    footr: x\n",
            "_posts/2014-06-16-a.md": "A\n",
        ])
        let run = try site.build()
        #expect(run.status == 1)
        for expected in ["publish.yml:1:1: error: unknown section `stagse` (did you mean `stages`?)",
                         "publish.yml:3:3: error: unknown key of `site` `titel` (did you mean `title`?)",
                         "publish.yml:6:5: error: output `html` has no option `paginat` (did you mean `paginate`?)",
                         "publish.yml:7:5: error: output `html` has no option `footr`"] {
            #expect(run.stderr.contains(expected), "\(expected) in \(run.stderr)")
        }
        #expect(run.stderr.contains("publish: 4 errors; nothing built"), "\(run.stderr)")
        #expect(!site.exists("_site"))
    }

    @Test("A mistyped subcommand keeps ArgumentParser's error and exit status, and names the nearest command")
    func mistypedSubcommand() throws {
        let run = try Publish.run(["buidl"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("Error:"), "\(run.stderr)")
        #expect(run.stderr.contains("Did you mean `publish build`?"), "\(run.stderr)")
        let far = try Publish.run(["xyzzy"])
        #expect(far.status == 64)
        #expect(!far.stderr.contains("Did you mean"), "\(far.stderr)")
    }

    @Test("--verbose prints how many milliseconds each phase took")
    func verbosePhases() throws {
        let site = try Site(["_posts/2014-06-18-good.md": "Good\n"])
        let run = try site.build(["--verbose", "--format", "html", "--format", "atom"])
        #expect(run.status == 0)
        for phase in ["configuration", "read", "stages for html", "emit html", "emit atom", "write", "cache"] {
            let timed = run.stderr.split(separator: "\n").contains { line in
                line.hasPrefix("publish: ") && line.hasSuffix(" ms  \(phase)")
            }
            #expect(timed, "no time for \(phase) in \(run.stderr)")
        }
    }
}
