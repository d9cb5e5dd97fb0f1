import KaoheCore

/// A 月通报 as published: what it said on the day, frozen. Later changes to the ledger do not
/// touch it; the head it carries pins the history it was built from.
package struct PublishedReport: Sendable, Equatable {
    package var id: Int64 = 0
    /// The month reported on, `YYYY-MM`.
    package var month: String
    /// The document number line (发文字号), e.g. 市中机工委〔2026〕12号.
    package var number: String
    package var issuer: String
    package var title: String
    package var publishedBy: String
    package var publishedAt: Int64
    /// The ledger head (`sha256:… N`) at publishing.
    package var head: String
    /// The document's body for the pages (styled by the site's stylesheet).
    package var html: String
    /// The document as one self-contained file, to download and print anywhere.
    package var standalone: String
    /// The 附件 table as CSV for Excel.
    package var csv: String

    package init(month: String, number: String, issuer: String, title: String, publishedBy: String, publishedAt: Int64,
                 head: String, html: String, standalone: String, csv: String) {
        self.month = month
        self.number = number
        self.issuer = issuer
        self.title = title
        self.publishedBy = publishedBy
        self.publishedAt = publishedAt
        self.head = head
        self.html = html
        self.standalone = standalone
        self.csv = csv
    }
}
