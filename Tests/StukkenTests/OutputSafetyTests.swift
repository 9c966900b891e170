import Foundation
import Testing

@testable import Stukken

#if canImport(Glibc)
    import Glibc
#endif

/// What `-o` may replace (security review C1, M3, M4, L9, L10): real folders with real
/// files, run through the CLI as a user runs it. Every refusal must leave every byte.
@Suite(.serialized) struct OutputSafetyTests {
    /// A copy of the example meeting, and a work folder beside it for outputs.
    struct Setup {
        let root: URL
        var meetingFolder: URL { root.appendingPathComponent("vergadering") }
        var meeting: String { meetingFolder.appendingPathComponent("vergadering.yaml").path }
        var work: URL { root.appendingPathComponent("werk") }

        init() throws {
            root = try temporaryDirectory()
            try FileManager.default.copyItem(
                at: Package.examples.appendingPathComponent("vergadering"), to: meetingFolder)
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(at: root) }

        /// A folder of someone's own files, one of them in a subfolder.
        func preciousFolder(_ name: String) throws -> URL {
            let folder = work.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Data("precious thesis\n".utf8).write(to: folder.appendingPathComponent("thesis.txt"))
            try Data("more notes\n".utf8).write(to: folder.appendingPathComponent("sub/notes.md"))
            return folder
        }
    }

    /// Runs `stukken` with `arguments` and expects a refusal: status 1, `message` on stderr,
    /// and every file under `kept` exactly as before.
    static func expectRefused(
        _ arguments: [String], in directory: URL = Package.root, message: String, keeping kept: URL,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let before = everything(under: kept)
        let result = try CLI.run(arguments, in: directory)
        #expect(result.status == 1, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(message), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(
            everything(under: kept) == before, "files under \(kept.lastPathComponent) changed",
            sourceLocation: sourceLocation)
    }

    /// Every entry under `url` (itself included): its kind and, for a file, its bytes.
    static func everything(under url: URL) -> [String: String] {
        var result: [String: String] = [:]
        func note(_ path: String, as key: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: result[key] = "map"
            case S_IFLNK:
                result[key] = "link → " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?")
            default: result[key] = SHA256.hex(FileManager.default.contents(atPath: path) ?? Data())
            }
        }
        note(url.path, as: ".")
        for case let path as String in FileManager.default.enumerator(atPath: url.path)
            ?? FileManager.DirectoryEnumerator()
        {
            note(url.path + "/" + path, as: path)
        }
        return result
    }

    // MARK: C1: what -o may not be

    @Test func anUnrelatedFolderIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let folder = try s.preciousFolder("userdocs")
        try Self.expectRefused(
            ["pack", s.meeting, "-o", folder.path], message: "is een map met bestanden, maar geen pakket van stukken",
            keeping: s.work)
    }

    @Test func anExistingFileIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let file = s.work.appendingPathComponent("begroting.xlsx")
        try Data("important spreadsheet".utf8).write(to: file)
        try Self.expectRefused(
            ["pack", s.meeting, "-o", file.path], message: "is een bestand, geen map", keeping: s.work)
    }

    @Test func theCurrentFolderIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let home = try s.preciousFolder("fakehome")
        try Self.expectRefused(["pack", s.meeting, "-o", "."], in: home, message: "-o . ", keeping: s.work)
        // An empty current folder is refused too: the swap would pull it from under the shell.
        let empty = s.work.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        try Self.expectRefused(
            ["pack", s.meeting, "-o", "."], in: empty, message: "is de huidige map of ligt erboven", keeping: s.work)
        try Self.expectRefused(["pack", s.meeting, "-o", ".."], in: empty, message: "-o ..", keeping: s.work)
    }

    @Test func theConfigFileIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let config = s.work.appendingPathComponent("site.yaml")
        try FileManager.default.copyItem(at: s.meetingFolder.appendingPathComponent("stukken.yaml"), to: config)
        try Self.expectRefused(
            ["pack", s.meeting, "--woo", "--config", config.path, "-o", config.path],
            message: "weigert een invoerbestand te overschrijven",
            keeping: s.work)
        // Named without --woo it is still an input of the command line.
        try Self.expectRefused(
            ["pack", s.meeting, "--config", config.path, "-o", config.path],
            message: "weigert een invoerbestand te overschrijven",
            keeping: s.work)
    }

    @Test func theTemplatesFolderIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let templates = s.work.appendingPathComponent("tpl")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Package.templates), to: templates)
        try Self.expectRefused(
            ["pack", s.meeting, "--templates", templates.path, "-o", templates.path],
            message: "weigert een invoerbestand te overschrijven",
            keeping: s.work)
        // Inside it, or above it, neither.
        try Self.expectRefused(
            ["pack", s.meeting, "--templates", templates.path, "-o", templates.appendingPathComponent("site").path],
            message: "dat deze opdracht leest", keeping: s.work)
    }

    @Test func aSymlinkIsRefusedAndItsTargetKept() throws {
        let s = try Setup()
        defer { s.remove() }
        let real = try s.preciousFolder("real")
        let link = s.work.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        try Self.expectRefused(
            ["pack", s.meeting, "-o", link.path], message: "is een symbolische link", keeping: s.work)
        // A link to a previous pack is refused as well: the link itself would be replaced.
        let pack = s.work.appendingPathComponent("pakket")
        #expect(try CLI.run(["pack", s.meeting, "-o", pack.path]).status == 0)
        let packLink = s.work.appendingPathComponent("pakket-link")
        try FileManager.default.createSymbolicLink(at: packLink, withDestinationURL: pack)
        try Self.expectRefused(
            ["pack", s.meeting, "-o", packLink.path], message: "is een symbolische link", keeping: s.work)
    }

    @Test func aForeignManifestIsNotOurs() throws {
        let s = try Setup()
        defer { s.remove() }
        let app = s.work.appendingPathComponent("webapp")
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: false)
        try Data(#"{"name": "Mijn app", "start_url": "/", "soort": "openbaar"}"#.utf8).write(
            to: app.appendingPathComponent("manifest.json"))
        try Data("<p>mijn site</p>".utf8).write(to: app.appendingPathComponent("index.html"))
        try Self.expectRefused(
            ["pack", s.meeting, "-o", app.path], message: "geen pakket van stukken", keeping: s.work)
    }

    /// A previous pack with a file the user added: replacing the pack would delete it.
    @Test func aPreviousPackWithAFileOfTheUsersIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let site = s.work.appendingPathComponent("site")
        #expect(try CLI.run(["pack", s.meeting, "-o", site.path]).status == 0)
        try Data("RewriteEngine On\n".utf8).write(to: site.appendingPathComponent(".htaccess"))
        try Self.expectRefused(
            ["pack", s.meeting, "-o", site.path], message: "'.htaccess' hoort er niet bij", keeping: s.work)
        try FileManager.default.removeItem(at: site.appendingPathComponent(".htaccess"))
        #expect(try CLI.run(["pack", s.meeting, "-o", site.path]).status == 0)
    }

    /// A pack of another meeting (our manifest, another date): not this meeting's to replace.
    @Test func aPackOfAnotherMeetingIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let site = s.work.appendingPathComponent("site")
        #expect(try CLI.run(["pack", s.meeting, "-o", site.path]).status == 0)
        let other = s.meetingFolder.appendingPathComponent("andere.yaml")
        try String(contentsOfFile: s.meeting, encoding: .utf8).replacingOccurrences(
            of: "datum: 2016-10-10", with: "datum: 2016-11-14"
        )
        .write(to: other, atomically: true, encoding: .utf8)
        try Self.expectRefused(
            ["pack", other.path, "-o", site.path],
            message: "bevat het pakket van een andere vergadering (AB 2016-10-10, niet AB 2016-11-14)",
            keeping: s.work)
    }

    /// The allowed three: a new path (with new parent folders), an empty folder, a previous pack.
    @Test func aNewPathAnEmptyFolderAndAPreviousPackAreReplaced() throws {
        let s = try Setup()
        defer { s.remove() }
        let new = s.work.appendingPathComponent("a/b/site")
        #expect(try CLI.run(["pack", s.meeting, "-o", new.path]).status == 0)
        let empty = s.work.appendingPathComponent("leeg")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
        #expect(try CLI.run(["pack", s.meeting, "-o", empty.path]).status == 0)
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("manifest.json").path))
        let again = try CLI.run(["pack", s.meeting, "-o", empty.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.work.path).sorted() == ["a", "leeg"])
    }

    /// A refusal makes no parent folder either.
    @Test func aRefusalCreatesNoParentFolder() throws {
        let s = try Setup()
        defer { s.remove() }
        let templates = s.work.appendingPathComponent("tpl")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Package.templates), to: templates)
        try Self.expectRefused(
            [
                "pack", s.meeting, "--templates", templates.path, "-o",
                templates.appendingPathComponent("nieuw/site").path,
            ],
            message: "dat deze opdracht leest", keeping: s.work)
    }

    // MARK: C1 attacked again: links and `..`

    /// A hard link of the config file as -o: the same inode, refused (as a file, before anything).
    @Test func aHardLinkOfAnInputIsRefused() throws {
        let s = try Setup()
        defer { s.remove() }
        let config = s.work.appendingPathComponent("site.yaml")
        try FileManager.default.copyItem(at: s.meetingFolder.appendingPathComponent("stukken.yaml"), to: config)
        let link = s.work.appendingPathComponent("ander-naam.yaml")
        try FileManager.default.linkItem(at: config, to: link)
        try Self.expectRefused(
            ["pack", s.meeting, "--woo", "--config", config.path, "-o", link.path],
            message: "weigert een invoerbestand te overschrijven",
            keeping: s.work)
    }

    /// `..` through a symlink goes where the kernel goes, not where the text goes:
    /// `work/link/../site` with link → the meeting's stukken folder is the meeting folder's `site`.
    @Test func dotDotThroughASymlinkIsResolvedAsTheKernelDoes() throws {
        let s = try Setup()
        defer { s.remove() }
        let link = s.work.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: s.meetingFolder.appendingPathComponent("stukken"))
        try Self.expectRefused(
            ["pack", s.meeting, "-o", s.work.path + "/link/../site"],
            message: "valt samen met de map van de vergadering", keeping: s.root)
        // And `-o` into the meeting folder by `..` from inside it.
        try Self.expectRefused(
            ["pack", s.meeting, "-o", s.meetingFolder.path + "/stukken/../../vergadering"],
            message: "valt samen met de map van de vergadering", keeping: s.root)
    }

    /// The target changes while the pack is built (a previous pack moved away and a folder
    /// of the user's put in its place, or a folder made where there was nothing): the swap
    /// takes it out, finds it is not what may be replaced, and puts it back.
    @Test(arguments: [true, false])
    func aTargetThatChangesDuringTheBuildIsPutBack(hadPack: Bool) throws {
        let s = try Setup()
        defer { s.remove() }
        var yaml = "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n"
        for i in 1...3_000 { yaml += "  - agendapunt: P\(i)\n    stuk: stukken/e7-evaluatie-dashboard.yaml\n" }
        let meeting = s.meetingFolder.appendingPathComponent("groot.yaml")
        try yaml.write(to: meeting, atomically: true, encoding: .utf8)
        let site = s.work.appendingPathComponent("site")
        if hadPack { #expect(try CLI.run(["pack", meeting.path, "-o", site.path]).status == 0) }

        let process = Process()
        process.executableURL = try #require(CLI.executable)
        process.arguments = ["pack", meeting.path, "-o", site.path]
        process.environment = ProcessInfo.processInfo.environment.merging(["STUKKEN_TEMPLATES": Package.templates]) {
            _, new in new
        }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Wait until it builds (its staging folder has pages in it), then change the target.
        let deadline = Date().addingTimeInterval(60)
        var building = false
        while !building, Date() < deadline, process.isRunning {
            let staging = try FileManager.default.contentsOfDirectory(atPath: s.work.path).first {
                $0.hasPrefix(".site.stukken-")
            }
            building =
                staging.map {
                    (try? FileManager.default.contentsOfDirectory(atPath: s.work.path + "/" + $0 + "/pakket").count)
                        ?? 0 > 10
                } ?? false
            usleep(2_000)
        }
        try #require(building, "the build finished before the target could be changed: make the meeting larger")
        if hadPack { try FileManager.default.moveItem(at: site, to: s.work.appendingPathComponent("oud-pakket")) }
        let precious = try s.preciousFolder("site")
        let kept = Self.everything(under: precious)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1, "\(stderr)")
        #expect(stderr.contains("is tijdens het bouwen veranderd en teruggezet zoals het was"), "\(stderr)")
        #expect(Self.everything(under: precious) == kept)
        let left = try FileManager.default.contentsOfDirectory(atPath: s.work.path).sorted()
        #expect(left == (hadPack ? ["oud-pakket", "site"] : ["site"]))
    }

    /// A target name of 240 bytes is a valid name: its staging folder must fit too. One of
    /// 300 bytes cannot exist: refused in Dutch, nothing made.
    @Test func longTargetNames() throws {
        let s = try Setup()
        defer { s.remove() }
        let long = s.work.appendingPathComponent(String(repeating: "s", count: 240))
        let r = try CLI.run(["pack", s.meeting, "-o", long.path])
        #expect(r.status == 0, "\(r.stderr)")
        try Self.expectRefused(
            ["pack", s.meeting, "-o", s.work.appendingPathComponent(String(repeating: "t", count: 300)).path],
            message: "de naam is te lang voor het bestandssysteem", keeping: s.work)
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.work.path) == [long.lastPathComponent])
    }

    // MARK: M4: render never writes into its inputs

    @Test func renderRefusesTheTemplatesFolder() throws {
        let s = try Setup()
        defer { s.remove() }
        let templates = s.work.appendingPathComponent("tpl")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Package.templates), to: templates)
        let stuk = s.meetingFolder.appendingPathComponent("stukken/e3-ts-s.yaml").path
        try Self.expectRefused(
            ["render", stuk, "--templates", templates.path, "-o", templates.appendingPathComponent("stijl.css").path],
            message: "dat deze opdracht leest", keeping: s.root)
        try Self.expectRefused(
            ["render", stuk, "--templates", templates.path, "-o", templates.path],
            message: "weigert een invoerbestand te overschrijven",
            keeping: s.root)
        try Self.expectRefused(
            ["render", stuk, "--templates", templates.path, "-o", s.work.path], message: "bevat \(templates.path)",
            keeping: s.root)
        // A symlink as -o, leading into the templates folder; and a folder whose x.html is one.
        let link = s.work.appendingPathComponent("uit.html")
        try FileManager.default.createSymbolicLink(
            at: link, withDestinationURL: templates.appendingPathComponent("stijl.css"))
        try Self.expectRefused(
            ["render", stuk, "--templates", templates.path, "-o", link.path], message: "dat deze opdracht leest",
            keeping: s.root)
        let out = s.root.appendingPathComponent("uit")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(
            at: out.appendingPathComponent("e3-ts-s.html"),
            withDestinationURL: templates.appendingPathComponent("stijl.css"))
        try Self.expectRefused(
            [
                "render", stuk, s.meetingFolder.appendingPathComponent("stukken/e4-schadeclaim.yaml").path,
                "--templates", templates.path,
                "-o", out.path,
            ], message: "weigert een invoerbestand te overschrijven", keeping: templates)
        // A folder holding the stukken being rendered is an input's folder too.
        try Self.expectRefused(
            ["render", stuk, "-o", s.meetingFolder.appendingPathComponent("stukken").path], message: "bevat \(stuk)",
            keeping: s.root)
    }

    // MARK: L9: two packs at once, and leftovers

    /// Two `stukken pack` runs of different versions into one -o at the same time: both
    /// finish, the folder is one whole pack, and neither deleted the other's staging.
    @Test func twoConcurrentPacksIntoOneFolderBothFinish() throws {
        let s = try Setup()
        defer { s.remove() }
        let second = s.meetingFolder.appendingPathComponent("tweede.yaml")
        try String(contentsOfFile: s.meeting, encoding: .utf8).replacingOccurrences(
            of: "locatie: Hengelo, VRT", with: "locatie: Enschede"
        )
        .write(to: second, atomically: true, encoding: .utf8)
        let site = s.work.appendingPathComponent("site")
        var alone: [[String: Data]] = []
        for meeting in [s.meeting, second.path] {
            let separate = s.root.appendingPathComponent("alleen-\(alone.count)")
            #expect(try CLI.run(["pack", meeting, "-o", separate.path]).status == 0)
            alone.append(snapshot(separate))
        }
        for round in 0..<6 {
            let results = try [s.meeting, second.path].concurrentMap { meeting in
                Result { try CLI.run(["pack", meeting, "-o", site.path]) }
            }.map { try $0.get() }
            for r in results { #expect(r.status == 0, "round \(round): \(r.stderr)") }
            let now = snapshot(site)
            #expect(now == alone[0] || now == alone[1], "round \(round): not one whole pack")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: s.work.path) == ["site"],
                "round \(round): leftovers")
        }
    }

    /// Cleanup removes our own dead build folders, never a folder of the user's with a
    /// similar name, nor one whose owner is still running.
    @Test func leftoverCleanupRemovesOnlyOurDeadBuilds() throws {
        let s = try Setup()
        defer { s.remove() }
        let site = s.work.appendingPathComponent("site")
        let foreign = s.work.appendingPathComponent(".site.stukken-backup")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: false)
        try Data("my backup".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        // Named like ours, with a running owner (this test process) and a marker.
        let running = s.work.appendingPathComponent(".site.stukken-\(getpid())-1")
        try FileManager.default.createDirectory(at: running, withIntermediateDirectories: false)
        try Data(Staging.marker(.current).utf8).write(to: running.appendingPathComponent(Staging.markerName))
        // Named like ours, no marker, not empty: someone's.
        let unmarked = s.work.appendingPathComponent(".site.stukken-999999-2")
        try FileManager.default.createDirectory(at: unmarked, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: unmarked.appendingPathComponent("keep.txt"))
        // Ours, dead: a build killed halfway.
        let dead = s.work.appendingPathComponent(".site.stukken-999998-3")
        try FileManager.default.createDirectory(
            at: dead.appendingPathComponent("pakket"), withIntermediateDirectories: true)
        try Data(Staging.marker(ProcessIdentity(pid: 999_998, start: 1)).utf8)
            .write(to: dead.appendingPathComponent(Staging.markerName))
        // Ours, dead, its pid since given to another process (here: this one, which started
        // at another moment). Linux reuses pids; a folder must not look alive for ever.
        let reused = s.work.appendingPathComponent(".site.stukken-\(getpid())-4")
        try FileManager.default.createDirectory(
            at: reused.appendingPathComponent("pakket"), withIntermediateDirectories: true)
        let start = try #require(ProcessIdentity.current.start)
        try Data(Staging.marker(ProcessIdentity(pid: getpid(), start: start - 1)).utf8)
            .write(to: reused.appendingPathComponent(Staging.markerName))
        let kept = [foreign, running, unmarked].map { Self.everything(under: $0) }
        let result = try CLI.run(["pack", s.meeting, "-o", site.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect([foreign, running, unmarked].map { Self.everything(under: $0) } == kept)
        #expect(!FileManager.default.fileExists(atPath: dead.path))
        #expect(!FileManager.default.fileExists(atPath: reused.path))
    }

    // MARK: M3: what check accepted and pack could not write

    /// `check` on the meeting reports the collisions, located, and `pack` writes nothing.
    @Test func reservedPageNamesAreLocatedByCheckAndPack() throws {
        let s = try Setup()
        defer { s.remove() }
        let meeting = s.meetingFolder.appendingPathComponent("botsing.yaml")
        try """
        soort: vergadering
        orgaan: AB
        datum: 2016-10-10
        agenda:
          - agendapunt: INDEX
            titel: Botst met de agenda
          - stuk: stukken/e3-ts-s.yaml
          - agendapunt: ab-2016-10-10-besloten
            titel: Botst met de gebundelde PDF
        """.write(to: meeting, atomically: true, encoding: .utf8)
        for command in [
            ["check", meeting.path], ["pack", meeting.path, "-o", s.work.appendingPathComponent("site").path, "--pdf"],
        ] {
            let r = try CLI.run(command)
            #expect(r.status == 1)
            #expect(
                r.stderr.contains(
                    "botsing.yaml:5:5: error: STK060: agendapunt 'INDEX' zou de pagina index.html krijgen"),
                "\(r.stderr)")
            #expect(
                r.stderr.contains(
                    "botsing.yaml:8:5: error: STK060: agendapunt 'ab-2016-10-10-besloten' zou de pagina ab-2016-10-10-besloten.pdf"
                ))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.work.path).isEmpty)
    }

    /// More files than a ZIP holds: refused by the plan at the agenda line that goes past
    /// the limit, before a page is rendered (it used to render 70,000 pages first).
    @Test func tooManyFilesAreLocatedBeforeRendering() throws {
        let s = try Setup()
        defer { s.remove() }
        var yaml = "soort: vergadering\norgaan: AB\ndatum: 2016-10-10\nagenda:\n"
        let items = DeterministicZip.maximumEntries
        for i in 1...items { yaml += "  - agendapunt: P\(i)\n    stuk: stukken/e7-evaluatie-dashboard.yaml\n" }
        let meeting = s.meetingFolder.appendingPathComponent("veel.yaml")
        try yaml.write(to: meeting, atomically: true, encoding: .utf8)
        // 3 files of the pack's own and one page an item: item 65,532 is the first too many.
        let first = items - 3 + 1
        let line = 5 + 2 * (first - 1)
        let r = try CLI.run(["check", meeting.path])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "veel.yaml:\(line):5: error: STK062: hier komt het pakket boven 65534 bestanden (in totaal 65537)"),
            "\(r.stderr.prefix(500))")
        let pack = try CLI.run(["pack", meeting.path, "-o", s.work.appendingPathComponent("site").path])
        #expect(pack.status == 1)
        #expect(pack.stderr.contains("veel.yaml:\(line):5: error: STK062: hier komt het pakket boven"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: s.work.path).isEmpty)
    }

    // MARK: L10: one file, public at one line and not at another

    @Test func aSharedBijlageFileIsPublishedWithAWarning() throws {
        let s = try Setup()
        defer { s.remove() }
        // E3 (public) lists the bijlage E4 (non-public) lists too.
        let e3 = s.meetingFolder.appendingPathComponent("stukken/e3-ts-s.yaml")
        let text = try String(contentsOf: e3, encoding: .utf8)
        let shared = "  - titel: Gedeeld advies\n    bestand: ../bijlagen/advies-meijers-terpstra-kremers.pdf\n"
        try text.replacingOccurrences(of: "ondertekening:", with: shared + "ondertekening:").write(
            to: e3, atomically: true, encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").firstIndex(of: "ondertekening:")) + 2
        let r = try CLI.run(["check", s.meeting])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr.contains(
                "e3-ts-s.yaml:\(line):14: warning: STK063: dit bestand wordt hier openbaar gepubliceerd, maar is bij agendapunt E4, bijlage 1 niet openbaar"
            ),
            "\(r.stderr)")
        // The members' pack publishes everything: no warning there.
        let members = try CLI.run(["pack", s.meeting, "--besloten", "-o", s.work.appendingPathComponent("leden").path])
        #expect(members.status == 0)
        #expect(!members.stderr.contains("warning: dit bestand"))
    }
}
