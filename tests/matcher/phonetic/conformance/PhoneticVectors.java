// Reference side of the phonetic conformance vectors: reads one A-Z name per line on stdin and
// writes, tab-separated, what Apache Commons Codec computes for it. Run by generate_vectors.py;
// never by the tests.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.language.DaitchMokotoffSoundex;
import org.apache.commons.codec.language.DoubleMetaphone;
import org.apache.commons.codec.language.Nysiis;
import org.apache.commons.codec.language.Soundex;

public final class PhoneticVectors {
  public static void main(String[] args) throws Exception {
    Soundex soundex = Soundex.US_ENGLISH;
    Nysiis nysiis = new Nysiis(true);
    DoubleMetaphone dm4 = new DoubleMetaphone();
    DoubleMetaphone dm8 = new DoubleMetaphone();
    dm8.setMaxCodeLen(8);
    DaitchMokotoffSoundex dms = new DaitchMokotoffSoundex();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = new PrintStream(System.out, false, "UTF-8");
    String name;
    while ((name = in.readLine()) != null) {
      if (name.isEmpty()) continue;
      String[] dmCodes = dms.soundex(name).split("\\|");
      Arrays.sort(dmCodes);
      out.print(name);
      out.print('\t'); out.print(soundex.soundex(name));
      out.print('\t'); out.print(nysiis.nysiis(name));
      out.print('\t'); out.print(dm4.doubleMetaphone(name, false));
      out.print('\t'); out.print(dm4.doubleMetaphone(name, true));
      out.print('\t'); out.print(dm8.doubleMetaphone(name, false));
      out.print('\t'); out.print(dm8.doubleMetaphone(name, true));
      out.print('\t'); out.print(String.join(" ", dmCodes));
      out.print('\n');
    }
    out.flush();
  }
}
