/// The Python program that makes a PDF: WeasyPrint through its Python API, so that every
/// URL it wants goes through a fetcher of ours (C3 of the security review: the command line
/// fetched `http://` images and, through a fetched SVG, local files).
///
/// It is part of the binary rather than a file beside it: a fresh checkout (`swift run`) and
/// an installed `stukken` copied on its own both have it, with no resource bundle to find;
/// it is always the version the Swift side reads the report of; and it cannot be swapped by
/// a template set (`--templates`), as a file in `Templates/` could. Each run writes it into
/// the private temporary folder.
enum WeasyPrintDriver {
    static let fileName = "stukken-pdf.py"
    /// The driver's exit status when its Python has no `weasyprint` module.
    static let noWeasyPrintModule: Int32 = 3

    static let source = #"""
        # stukken's WeasyPrint driver: one HTML page to PDF, as
        # `weasyprint --quiet --pdf-variant pdf/ua-1 --encoding utf-8 PAGE PDF` would make it, but
        # every URL WeasyPrint wants goes through `Fetcher`, which reads nothing from the network
        # and no file but an image in the stuk's own folder (or below it). There is no base URL:
        # a relative link (a bijlage in a pack) stays relative in the PDF, and nothing relative is
        # read from the current folder (the command line's `--base-url ""` meant that folder).
        #
        #   python3 -I -B driver.py PAGE PDF REPORT [FOLDER]
        #   python3 -I -B driver.py --worker
        #
        # REPORT gets a JSON list of the images left out: {"url", "srcs", "reason"}, `srcs` being
        # the page's relative `src` values that became that URL (none for an absolute one).
        # Exit status 3: this Python has no weasyprint module.
        #
        # `--worker` (the pool): the same job again and again, without paying Python's and
        # WeasyPrint's start-up each time. A job is one line on stdin, the JSON list
        # [PAGE, PDF, REPORT, FOLDER or null]; its answer one line on stdout, {"status": 0} or
        # {"status": 1, "detail": the error}. End of stdin (stukken gone) ends the worker.
        import json
        import logging
        import os
        import sys
        import tempfile
        import traceback
        from urllib.parse import unquote, urljoin, urlsplit

        # The folder is private; so is what is written into it.
        os.umask(0o077)

        try:
            import weasyprint
            from weasyprint.urls import default_url_fetcher, path2url, url_is_absolute
        except ImportError as error:
            print(f'weasyprint: {error}', file=sys.stderr)
            sys.exit(3)

        IMAGE_TYPES = {'.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
                       '.svg': 'image/svg+xml'}


        class Refused(Exception):
            def __init__(self, reason):
                super().__init__(reason)
                self.reason = reason


        class Fetcher:
            """WeasyPrint's `url_fetcher`. It also serves the images inside an SVG (`<image>`,
            `<use>`), so what an allowed SVG names is held to the same rules."""

            def __init__(self, folder):
                self.folder = os.path.realpath(folder) if folder else None
                self.refused = []
                self.written = {}  # absolute URL → the relative `src` values that the page had for it

            def __call__(self, url, timeout=10, ssl_context=None):
                try:
                    return self.fetch(url)
                except Refused as refusal:
                    self.refuse(url, refusal.reason)
                    raise

            def refuse(self, url, reason):
                if all(entry['url'] != url for entry in self.refused):
                    self.refused.append({'url': url, 'srcs': self.written.get(url, []), 'reason': reason})

            def fetch(self, url):
                parts = urlsplit(url)
                scheme = parts.scheme.lower()
                if scheme == 'data':
                    # Self-contained; an SVG in it can only name more URLs, and those come back here.
                    if not url[5:].lower().startswith('image/'):
                        raise Refused('geen-afbeelding')
                    return default_url_fetcher(url)
                if scheme != 'file' or parts.netloc not in ('', 'localhost'):
                    raise Refused('netwerk')
                if self.folder is None:
                    raise Refused('geen-map')
                return self.local(unquote(parts.path))

            def local(self, path):
                real = os.path.realpath(path)
                if os.path.commonpath([real, self.folder]) != self.folder:
                    raise Refused('buiten-map')
                mime_type = IMAGE_TYPES.get(os.path.splitext(real)[1].lower())
                if mime_type is None:
                    raise Refused('geen-afbeelding')
                if not os.path.isfile(real):
                    raise Refused('niet-gevonden')
                with open(real, 'rb') as file:
                    return {'string': file.read(), 'mime_type': mime_type}

            def resolve_relative_images(self, root):
                """A relative `src` means a file beside the stuk. The page has no base URL (links
                stay relative), so these are made absolute here, or left out."""
                base = path2url(self.folder + os.sep) if self.folder else None
                for image in root.iter('img'):
                    src = image.get('src', '').strip()
                    if not src or url_is_absolute(src):
                        continue
                    absolute = urljoin(base, src) if base and not src.startswith('//') else src
                    self.written.setdefault(absolute, []).append(src)
                    if absolute == src:
                        # No folder to read from, or `//host/…`: WeasyPrint would not fetch it either.
                        self.refuse(src, 'netwerk' if src.startswith('//') else 'geen-map')
                        del image.attrib['src']
                    else:
                        image.set('src', absolute)


        class UnreadableImages(logging.Handler):
            """An image that was fetched but is no image WeasyPrint can read."""

            def __init__(self, fetcher):
                super().__init__(logging.ERROR)
                self.fetcher = fetcher

            def emit(self, record):
                if record.msg.startswith('Failed to load image at') and record.args:
                    url = record.args[0]
                    if all(entry['url'] != url for entry in self.fetcher.refused):
                        self.fetcher.refuse(url, 'onleesbaar')


        def main(page, pdf, report, folder=None):
            # WeasyPrint's own temporary files (a font folder it does not always remove) go into
            # the job's private folder, and are removed with it.
            tempfile.tempdir = os.path.dirname(os.path.abspath(pdf))
            fetcher = Fetcher(folder)
            handler = UnreadableImages(fetcher)
            logging.getLogger('weasyprint').addHandler(handler)
            try:
                with open(page, encoding='utf-8') as file:
                    html = weasyprint.HTML(string=file.read(), base_url=None, media_type='print', url_fetcher=fetcher)
                fetcher.resolve_relative_images(html.etree_element)
                html.write_pdf(
                    pdf, stylesheets=None, presentational_hints=False, optimize_size=('fonts',), attachments=None,
                    identifier=None, variant='pdf/ua-1', version=None, custom_metadata=False)
            finally:
                # A worker's next job must not report into this job's fetcher.
                logging.getLogger('weasyprint').removeHandler(handler)
            with open(report, 'w', encoding='utf-8') as file:
                json.dump(fetcher.refused, file)


        def worker():
            # Answers get their own copy of stdout; anything a library prints goes to stderr
            # (the worker's log) and cannot be taken for an answer.
            answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
            os.dup2(2, 1)
            for line in sys.stdin:
                try:
                    main(*json.loads(line))
                    answer = {'status': 0}
                except Exception:
                    answer = {'status': 1, 'detail': traceback.format_exc()[-2000:]}
                answers.write(json.dumps(answer) + '\n')
                answers.flush()


        if __name__ == '__main__':
            if sys.argv[1:] == ['--worker']:
                worker()
            else:
                main(*sys.argv[1:])
        """#
}
