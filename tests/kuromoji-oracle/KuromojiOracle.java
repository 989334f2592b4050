import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.UserDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.BaseFormAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.InflectionAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;

/**
 * Writes Lucene Kuromoji's tokens for every line of a corpus, one golden file per configuration.
 * Usage: KuromojiOracle corpus.txt userdict.csv outDir
 * Each corpus line is one document; the two characters backslash, n stand for a line break.
 * Output (gzip, UTF-8): "#" line-number, then one line per token:
 * term, start, end, position increment, position length, part of speech, base form, reading,
 * pronunciation, inflection type, inflection form (tab-separated; null as the empty string).
 */
public final class KuromojiOracle {
  public static void main(String[] args) throws Exception {
    String corpus = args[0];
    UserDictionary user;
    try (Reader r = new InputStreamReader(new FileInputStream(args[1]), StandardCharsets.UTF_8)) {
      user = new UserDictionary(r);
    }
    String out = args[2];
    run(corpus, out + "/kuromoji-search.tsv.gz", null, JapaneseTokenizer.Mode.SEARCH, false);
    run(corpus, out + "/kuromoji-extended.tsv.gz", null, JapaneseTokenizer.Mode.EXTENDED, false);
    run(corpus, out + "/kuromoji-search-discard.tsv.gz", null, JapaneseTokenizer.Mode.SEARCH, true);
    run(corpus, out + "/kuromoji-extended-discard.tsv.gz", null, JapaneseTokenizer.Mode.EXTENDED, true);
    run(corpus, out + "/kuromoji-search-userdict.tsv.gz", user, JapaneseTokenizer.Mode.SEARCH, false);
  }

  private static void run(String corpus, String target, UserDictionary user, JapaneseTokenizer.Mode mode,
      boolean discard) throws Exception {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(new FileInputStream(corpus), StandardCharsets.UTF_8));
         Writer w = new BufferedWriter(new OutputStreamWriter(new GZIPOutputStream(new FileOutputStream(target)), StandardCharsets.UTF_8))) {
      JapaneseTokenizer t = new JapaneseTokenizer(new StringReader(""), user, discard, mode);
      CharTermAttribute term = t.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = t.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = t.addAttribute(PositionIncrementAttribute.class);
      PositionLengthAttribute len = t.addAttribute(PositionLengthAttribute.class);
      PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
      BaseFormAttribute base = t.addAttribute(BaseFormAttribute.class);
      ReadingAttribute reading = t.addAttribute(ReadingAttribute.class);
      InflectionAttribute infl = t.addAttribute(InflectionAttribute.class);
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        w.write("#" + number + "\n");
        t.setReader(new StringReader(line.replace("\\n", "\n")));
        t.reset();
        while (t.incrementToken()) {
          w.write(escape(term.toString()) + "\t" + offset.startOffset() + "\t" + offset.endOffset() + "\t"
              + inc.getPositionIncrement() + "\t" + len.getPositionLength() + "\t"
              + field(pos.getPartOfSpeech()) + "\t" + field(base.getBaseForm()) + "\t"
              + field(reading.getReading()) + "\t" + field(reading.getPronunciation()) + "\t"
              + field(infl.getInflectionType()) + "\t" + field(infl.getInflectionForm()) + "\n");
        }
        t.end();
        t.close();
      }
    }
  }

  private static String field(String s) {
    return s == null ? "" : escape(s);
  }

  // Terms may hold tabs and line breaks (space tokens); keep one token per line.
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }
}
