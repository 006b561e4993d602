// Runs EPUBCheck over many EPUB files in one Java VM: starting Java and
// loading EPUBCheck's schemas takes most of a check's time. Run with the
// source launcher:
//
//	java -cp epubcheck.jar epubcheck.java OUTDIR FILE...
//
// For the i-th FILE (from 1) it writes OUTDIR/i.txt: EPUBCheck's exit
// code on the first line, then everything it printed.

import com.adobe.epubcheck.tool.EpubChecker;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

public class QikanEPUBCheck {
    public static void main(String[] args) throws IOException {
        PrintStream out = System.out, err = System.err;
        Path dir = Paths.get(args[0]);
        for (int i = 1; i < args.length; i++) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(buf, true, StandardCharsets.UTF_8);
            System.setOut(ps);
            System.setErr(ps);
            int rc;
            try {
                rc = new EpubChecker().run(new String[] {args[i]});
            } catch (Throwable e) {
                e.printStackTrace(ps);
                rc = -1;
            } finally {
                System.setOut(out);
                System.setErr(err);
            }
            ps.flush();
            String report = rc + "\n" + buf.toString(StandardCharsets.UTF_8);
            Files.write(dir.resolve(i + ".txt"), report.getBytes(StandardCharsets.UTF_8));
        }
    }
}
