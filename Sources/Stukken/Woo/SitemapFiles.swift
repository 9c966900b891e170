import Foundation

/// The limits of the sitemaps protocol, which KOOP's handleiding repeats for the Woo-index:
/// at most 50,000 entries and 50 MB (uncompressed) in one sitemap or sitemap index file.
struct SitemapLimits: Sendable {
    var entries = 50_000
    var bytes = 50 * 1024 * 1024

    static let koop = SitemapLimits()
}

/// Sitemap files, split where a file would pass the limits, and sitemap indexes.
///
/// Each entry (a `<url>` or a `<sitemap>` block) goes whole into the current file, or
/// starts the next one when it would make that file too long or too large; the header and
/// footer count towards the size. Deterministic: the same entries give the same files.
enum SitemapFiles {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    /// `<urlset>` files for DiWoo `<url>` entries: the first is `base` (`sitemap-diwoo.xml`),
    /// the next `sitemap-diwoo-2.xml` and so on, so a pack that fits keeps its one name.
    static func sitemaps(
        _ urls: [(loc: String, lastmod: String, metadata: String)], limits: SitemapLimits = .koop
    ) -> [(text: String, count: Int)] {
        let open = header + "<urlset xmlns=\"\(DiWoo.sitemapNamespace)\" xmlns:diwoo=\"\(DiWoo.namespace)\">\n"
        return split(urls.map(DiWoo.urlEntry), open: open, close: "</urlset>\n", limits: limits)
    }

    /// A `<sitemapindex>` of sitemaps, each with the `lastmod` of its newest document.
    ///
    /// One file: KOOP's naming convention names one index per category and says nothing of
    /// a second, so more than `SitemapLimits.entries` sitemaps are refused before this
    /// (`stukken site`); at about 150 bytes an entry, 50,000 stay far below 50 MB.
    static func index(_ sitemaps: [(loc: String, lastmod: String?)]) -> String {
        var text = header + "<sitemapindex xmlns=\"\(DiWoo.sitemapNamespace)\">\n"
        for s in sitemaps {
            text += "  <sitemap>\n    <loc>\(DiWoo.escape(s.loc))</loc>\n"
            if let lastmod = s.lastmod { text += "    <lastmod>\(lastmod)</lastmod>\n" }
            text += "  </sitemap>\n"
        }
        return text + "</sitemapindex>\n"
    }

    /// The name of the `n`th file (1-based) of a split series named `base`.
    static func partName(_ base: String, _ n: Int) -> String {
        guard n > 1 else { return base }
        let ext = (base as NSString).pathExtension
        return "\((base as NSString).deletingPathExtension)-\(n).\(ext)"
    }

    /// The files, and how many entries each holds.
    static func split(_ entries: [String], open: String, close: String, limits: SitemapLimits) -> [(
        text: String, count: Int
    )] {
        let frame = open.utf8.count + close.utf8.count
        var files: [(text: String, count: Int)] = []
        var current = open
        var count = 0
        var size = frame
        for entry in entries {
            let bytes = entry.utf8.count
            // An entry larger than a whole file still gets a file of its own: it cannot be cut.
            if count > 0 && (count == limits.entries || size + bytes > limits.bytes) {
                files.append((current + close, count))
                (current, count, size) = (open, 0, frame)
            }
            current += entry
            count += 1
            size += bytes
        }
        files.append((current + close, count))
        return files
    }
}
