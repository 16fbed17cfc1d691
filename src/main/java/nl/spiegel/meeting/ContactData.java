package nl.spiegel.meeting;

import java.util.regex.Pattern;

/**
 * Recognises contact data in a text: an e-mail address (also written out, as in "jan (at) mail
 * (dot) nl") or a phone number (a 0 or + and seven digits or more, with the spaces, dashes, dots and
 * brackets people put in between). Spiegel keeps no contact data of participants, so such a value is
 * refused rather than stored.
 */
final class ContactData {

    private ContactData() {}

    private static final Pattern E_MAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]\\s*@\\s*[\\p{L}\\p{N}]");
    private static final Pattern E_MAIL_WRITTEN_OUT = Pattern.compile(
            "[\\p{L}\\p{N}._%+-]+\\s*(?:[(\\[{]\\s*(?:at|apenstaartje)\\s*[)\\]}]|\\s(?:at|apenstaartje)\\s)\\s*"
                    + "[\\p{L}\\p{N}-]+\\s*(?:\\.|[(\\[{]\\s*(?:dot|punt)\\s*[)\\]}]|\\s(?:dot|punt)\\s)\\s*\\p{L}{2,}",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A 0 or + (0031, 06, +31, (020)) and seven digits or more, one or two separators between any two. */
    private static final Pattern PHONE = Pattern.compile("(?<!\\d)(?:\\+|\\(?0)(?:[\\s.\\-/()]{0,2}\\d){7,}");

    static boolean in(String text) {
        return text != null && (E_MAIL.matcher(text).find() || E_MAIL_WRITTEN_OUT.matcher(text).find()
                || PHONE.matcher(text).find());
    }
}
