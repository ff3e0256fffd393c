"""Who is behind a recording: phones, bank accounts, QR payments, links, handles, e-mails, wallets
and amounts, read from text the case already holds and from QR codes in pictures.

The extractors are pure (text or an RGB array in, `Identifier`s out): no store, no Qt. Import
them from their modules (`extract`, `qr`); this package stays light so the CLI starts fast."""
