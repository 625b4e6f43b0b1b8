"""orderintake: recognise customers' purchase-order mails and queue their order numbers.

The package is cut along the data flow (see README, "Architecture"):
mailbox → message → classify → extract → layout → identifiers / ordernumber → store → web.
"""

__version__ = "0.1.0"
