package nl.spiegel.report;

import io.nayuki.qrcodegen.QrCode.Ecc;
import io.quarkus.qute.RawString;

/** A QR code as inline SVG, for printed pages: a phone's camera opens the link it holds. */
final class QrCode {

    private QrCode() {}

    /** Black squares on white, with the quiet zone of four modules that scanners need, sized by the page. */
    static RawString svg(String text, String label) {
        io.nayuki.qrcodegen.QrCode qr = io.nayuki.qrcodegen.QrCode.encodeText(text, Ecc.MEDIUM);
        int border = 4;
        int size = qr.size + 2 * border;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            for (int x = 0; x < qr.size; x++) {
                if (qr.getModule(x, y)) {
                    path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
                }
            }
        }
        // Our own markup around modules drawn from the text: the text itself never appears in it.
        return new RawString("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + size + " " + size
                + "\" role=\"img\" aria-label=\"" + escape(label) + "\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
