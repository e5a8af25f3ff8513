package app.herald.twilio;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.EntityDetails;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.HttpResponseInterceptor;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Reads an answer only up to a size no answer of Twilio's comes near (a page of a thousand
 * messages is about a megabyte): the SDK reads every answer whole into memory, so a broken or
 * hostile endpoint could otherwise end Herald with an OutOfMemoryError.
 */
final class AnswerLimit implements HttpResponseInterceptor {

    /** Bytes an answer may have. */
    static final long MOST_BYTES = 16L << 20;

    /** An answer cut off at {@link #MOST_BYTES}: it came, so the request may have been carried out. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("Twilio's answer was larger than " + (MOST_BYTES >> 20) + " MB, so Herald stopped reading it");
        }
    }

    @Override
    public void process(HttpResponse response, EntityDetails details, HttpContext context) throws IOException {
        if (!(response instanceof ClassicHttpResponse classic) || classic.getEntity() == null) {
            return;
        }
        if (classic.getEntity().getContentLength() > MOST_BYTES) {
            throw new TooLarge();
        }
        classic.setEntity(new Limited(classic.getEntity()));
    }

    /** The answer's body, which fails once it has given {@link #MOST_BYTES}. */
    private static final class Limited extends HttpEntityWrapper {

        Limited(HttpEntity answer) {
            super(answer);
        }

        @Override
        public InputStream getContent() throws IOException {
            return new FilterInputStream(super.getContent()) {
                private long read;

                @Override
                public int read() throws IOException {
                    int value = super.read();
                    count(value < 0 ? 0 : 1);
                    return value;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int count = super.read(buffer, offset, length);
                    count(Math.max(count, 0));
                    return count;
                }

                private void count(int more) throws TooLarge {
                    read += more;
                    if (read > MOST_BYTES) {
                        throw new TooLarge();
                    }
                }
            };
        }

        /** Through {@link #getContent()}: the SDK buffers the answer by writing it out, which would pass the limit by. */
        @Override
        public void writeTo(OutputStream out) throws IOException {
            try (InputStream in = getContent()) {
                in.transferTo(out);
            }
        }
    }
}
