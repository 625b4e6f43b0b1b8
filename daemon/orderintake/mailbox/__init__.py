"""Mail sources behind one small interface. IMAP is spoken only in ``mailbox.imap``."""
