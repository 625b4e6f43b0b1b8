"""Building blocks of the corpus generator: identities, numbers, layouts, scans, mails."""
