"""V035: a string compared with a lookup or unique identifier is a GUID.

The guid-strings rule's findings, pinned by code, range and message."""

from semantic_helpers import codes_of, findings


def test_invalid_guid_strings():
    assert findings("PROFILE(contact).FILTER(parentcustomerid == '12345')") == [
        ("V035", "1:45-1:52", "`'12345'` is not a GUID; `parentcustomerid` (a customer attribute) holds record ids "
                              "such as '00000000-0000-0000-0000-000000000000'"),
    ]
    assert findings("PROFILE(contact).FILTER(contactid == '{0B6BD7E1-9C8E-4A5F-9D0E-2F1C3B4A5D6E}')") == []
    assert codes_of("PROFILE(contact).FILTER(contactid == '{0b6bd7e1-9c8e-4a5f-9d0e-2f1c3b4a5d6e')") == ["V035"]
