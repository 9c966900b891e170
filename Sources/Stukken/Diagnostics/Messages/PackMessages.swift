import Foundation

/// The texts of `stukken pack`, beside the others so all wording is in this file.
enum PackMessage {
    static func mixedAudience(_ dir: String, existing: String, wanted: String) -> Message {
        Message(.mixedAudience, "\(dir) bevat een \(existing) pakket; een \(wanted) pakket krijgt een eigen map")
    }
    static func packEntryUnreadable(_ name: String) -> Message {
        Message(.packEntryUnreadable, "\(name): kan niet gelezen worden voor het ZIP-bestand; maak het pakket opnieuw")
    }
    static func agendapuntDiffers(entry: String, document: String) -> Message {
        Message(
            .agendapuntDiffers,
            "agendapunt '\(entry)' in de agenda verschilt van '\(document)' in het stuk; maak ze gelijk of laat het agendapunt in de agenda weg"
        )
    }
    static func titelDiffers(entry: String, document: String) -> Message {
        Message(
            .titelDiffers,
            "titel '\(entry)' in de agenda verschilt van '\(document)' in het stuk; maak ze gelijk of laat de titel in de agenda weg"
        )
    }
    static let agendapuntMissing = Message(
        .agendapuntMissing, "agendapunt ontbreekt: dit stuk noemt er geen, geef 'agendapunt:' in de agenda")
    static let titelMissing = Message(.titelMissing, "een agendapunt zonder stuk heeft een 'titel:' nodig")
    static func duplicateAgendapunt(_ a: String, first: String) -> Message {
        Message(
            .duplicateAgendapunt,
            "agendapunt '\(a)' staat al eerder op de agenda (als '\(first)'); elk agendapunt komt één keer voor"
        )
    }
    static func orgaanDiffers(document: String, meeting: String) -> Message {
        Message(
            .orgaanDiffers,
            "dit stuk is voor het \(document), de vergadering is van het \(meeting)"
        )
    }
    static func datumDiffers(document: Datum, meeting: Datum) -> Message {
        Message(
            .datumDiffers,
            "de datum van het stuk (\(document)) is niet de vergaderdatum (\(meeting))"
        )
    }
    static let conceptInPublicPack = Message(
        .conceptInPublicPack,
        "een concept (status: concept) kan niet in een openbaar pakket; maak het definitief of zet het openbaar: nee")
    static func unknownFileType(_ ext: String, known: [String]) -> Message {
        Message(
            .unknownFileType,
            "onbekend bestandstype '.\(ext)' voor een bijlage; toegestaan: yaml, \(known.joined(separator: ", "))"
        )
    }
    static func absolutePath(_ p: String) -> Message {
        Message(
            .absolutePath,
            "'\(p)' is een absoluut pad; schrijf het pad vanaf de map van dit bestand"
        )
    }
    static func parentPath(_ p: String) -> Message {
        Message(
            .parentPath,
            "'\(p)' gaat met '..' boven de map van de vergadering uit; alle stukken en bijlagen staan in die map"
        )
    }
    static func fileMissing(_ p: String) -> Message { Message(.pathMissing, "'\(p)' bestaat niet") }
    static func outsideFolder(_ p: String) -> Message {
        Message(
            .outsideFolder,
            "'\(p)' wijst (via een symbolische link) buiten de map van de vergadering"
        )
    }
    static func notARegularFile(_ p: String) -> Message {
        Message(
            .notARegularFile,
            "'\(p)' is geen gewoon bestand (een map, FIFO of apparaat)")
    }
    /// Why a write failed, in Dutch (strerror is English).
    static func changedDuringBuild(_ p: String) -> Message {
        Message(
            .changedDuringBuild,
            "\(p) is gewijzigd sinds het gecontroleerd werd; er is niets geschreven, maak het pakket opnieuw"
        )
    }
    static func unreadableDuringBuild(_ p: String, reason: String) -> Message {
        Message(
            .unreadableDuringBuild,
            "\(p) kan niet opnieuw gelezen worden (\(reason)); er is niets geschreven, maak het pakket opnieuw"
        )
    }
    static func outputOverlapsInput(_ o: String) -> Message {
        Message(
            .outputOverlapsInput,
            "uitvoermap '\(o)' valt samen met de map van de vergadering (of ligt erin of erboven); kies een map daarbuiten"
        )
    }
    static let zipTooLarge = Message(
        .zipTooLarge, "het ZIP-bestand wordt te groot (meer dan 65.534 bestanden of 4 GB); splits de vergadering")
    static func zipEntryChanged(_ name: String) -> Message {
        Message(
            .zipEntryChanged,
            "\(name): veranderde terwijl het ZIP-bestand gemaakt werd; maak het pakket opnieuw"
        )
    }
    static func pageNameReserved(_ a: String, file: String) -> Message {
        Message(
            .pageNameReserved,
            "agendapunt '\(a)' zou de pagina \(file) krijgen, en die naam heeft het pakket zelf nodig; kies een ander agendapunt"
        )
    }
    static func pageNameTooLong(_ bytes: Int, maximum: Int) -> Message {
        Message(
            .pageNameTooLong,
            "dit agendapunt is te lang voor een bestandsnaam (\(bytes) tekens in de paginanaam; hoogstens \(maximum)); kort het agendapunt in, de titel mag lang zijn"
        )
    }
    static func tooManyFiles(_ n: Int, maximum: Int) -> Message {
        Message(
            .tooManyFiles,
            "hier komt het pakket boven \(maximum) bestanden (in totaal \(n)), meer dan een ZIP-bestand kan bevatten; splits de vergadering"
        )
    }
    static func sharedWithNonPublic(_ other: String) -> Message {
        Message(
            .sharedWithNonPublic,
            "dit bestand wordt hier openbaar gepubliceerd, maar is bij \(other) niet openbaar; klopt dat niet, maak dan hier ook 'openbaar: nee'"
        )
    }

    // What `-o` may replace: nothing, an empty folder, or a previous pack of the same
    // meeting and audience. Each refusal touched nothing.
    static func outputIsFile(_ o: String) -> Message {
        Message(
            .outputIsFile,
            "-o \(o) is een bestand, geen map; een pakket vervangt alleen een lege map of een eerder pakket: kies een nieuwe map (niets aangeraakt)"
        )
    }
    static func outputIsSymlink(_ o: String) -> Message {
        Message(
            .outputIsSymlink,
            "-o \(o) is een symbolische link; geef de map zelf, of een nieuwe map (niets aangeraakt)"
        )
    }
    static func outputNotAPack(_ o: String) -> Message {
        Message(
            .outputNotAPack,
            "-o \(o) is een map met bestanden, maar geen pakket van stukken (geen manifest.json van stukken); kies een nieuwe of lege map (niets aangeraakt)"
        )
    }
    static func outputForeignFile(_ o: String, file: String) -> Message {
        Message(
            .outputForeignFile,
            "-o \(o) is een pakket van stukken, maar '\(file)' hoort er niet bij en zou verdwijnen; verplaats het of kies een andere map (niets aangeraakt)"
        )
    }
    static func outputOtherMeeting(_ o: String, existing: String, wanted: String) -> Message {
        Message(
            .outputOtherMeeting,
            "-o \(o) bevat het pakket van een andere vergadering (\(existing), niet \(wanted)); elke vergadering krijgt een eigen map (niets aangeraakt)"
        )
    }
    static func outputHoldsCurrentFolder(_ o: String) -> Message {
        Message(
            .outputHoldsCurrentFolder,
            "-o \(o) is de huidige map of ligt erboven; geef een map die daarin of ernaast ligt, bijvoorbeeld -o site (niets aangeraakt)"
        )
    }
    static func outputChangedDuringBuild(_ o: String, reason: String) -> Message {
        Message(
            .outputChangedDuringBuild,
            "-o \(o) is tijdens het bouwen veranderd en teruggezet zoals het was: \(reason)"
        )
    }
    static func outputKeptAside(_ o: String, at aside: String) -> Message {
        Message(
            .outputKeptAside,
            "-o \(o) is tijdens het bouwen veranderd en kon niet worden teruggezet; wat er stond, staat nu in \(aside): zet het zelf terug"
        )
    }
    static func outputIsInput(_ o: String) -> Message {
        Message(
            .outputIsInput,
            "\(o): weigert een invoerbestand te overschrijven; kies een ander uitvoerpad"
        )
    }
    static func outputInsideInput(_ o: String, input: String) -> Message {
        Message(
            .outputInsideInput,
            "-o \(o) ligt in \(input), dat deze opdracht leest; kies een uitvoerpad daarbuiten (niets geschreven)"
        )
    }
    static func outputContainsInput(_ o: String, input: String) -> Message {
        Message(
            .outputContainsInput,
            "-o \(o) bevat \(input), dat deze opdracht leest; kies een uitvoermap waarin geen invoer staat (niets geschreven)"
        )
    }
}
