using System.Diagnostics;
using System.Text;
using Catalog.Japanese;
using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Analysis.TokenAttributes;

// Usage: dotnet run -c Release --project tests/Catalog.Japanese.Benchmarks [-- corpus.txt [targetMegabytes]]
string corpusPath = args.Length > 0 ? args[0] : FindCorpus();
int targetMb = args.Length > 1 ? int.Parse(args[1]) : 4;

var process = Process.GetCurrentProcess();
process.Refresh();
long rssBefore = process.WorkingSet64;
long heapBefore = GC.GetTotalMemory(true);
var sw = Stopwatch.StartNew();
var dictionary = JapaneseDictionary.Default;
double loadMs = sw.Elapsed.TotalMilliseconds;
long heapAfter = GC.GetTotalMemory(true);
process.Refresh();
long rssAfter = process.WorkingSet64;
Console.WriteLine($"dictionary load: {loadMs:F0} ms, {dictionary.WordCount:N0} words, managed heap +{(heapAfter - heapBefore) / 1048576.0:F1} MB, RSS {rssBefore / 1048576.0:F0} -> {rssAfter / 1048576.0:F0} MB");

// The golden corpus repeated to a few megabytes, written once so mecab reads the same bytes.
var seed = File.ReadAllText(corpusPath);
var sb = new StringBuilder();
while (Encoding.UTF8.GetByteCount(sb.ToString()) < targetMb * 1_000_000)
{
    sb.Append(seed);
}
string text = sb.ToString();
string file = Path.Combine(Path.GetTempPath(), $"catalog-japanese-bench-{Environment.ProcessId}.txt");
File.WriteAllText(file, text, new UTF8Encoding(false));
long bytes = new FileInfo(file).Length;
Console.WriteLine($"input: {text.Length:N0} chars, {bytes:N0} UTF-8 bytes ({corpusPath} repeated)");

try
{
    // Warm up, then best of three.
    RunOurs(text, dictionary);
    double ours = Enumerable.Range(0, 3).Min(_ => RunOurs(text, dictionary));
    RunTokenizer(text, dictionary, JapaneseTokenizerMode.Normal);
    double tokenizer = Enumerable.Range(0, 3).Min(_ => RunTokenizer(text, dictionary, JapaneseTokenizerMode.Normal));
    RunTokenizer(text, dictionary, JapaneseTokenizerMode.Search);
    double searchWhole = Enumerable.Range(0, 3).Min(_ => RunTokenizer(text, dictionary, JapaneseTokenizerMode.Search));
    string[] documents = text.Split('\n');
    RunSearchDocuments(documents, dictionary);
    double searchDocuments = Enumerable.Range(0, 3).Min(_ => RunSearchDocuments(documents, dictionary));
    RunSearchMecabFormat(text, dictionary);
    double searchFormat = Enumerable.Range(0, 3).Min(_ => RunSearchMecabFormat(text, dictionary));
    RunMecab(file);
    double mecab = Enumerable.Range(0, 3).Min(_ => RunMecab(file));

    Console.WriteLine($"MecabFormat.Write (normal):   {ours:F2} s  {text.Length / ours / 1e6:F2} M chars/s  {bytes / ours / 1e6:F2} MB/s");
    Console.WriteLine($"JapaneseTokenizer (normal):   {tokenizer:F2} s  {text.Length / tokenizer / 1e6:F2} M chars/s  {bytes / tokenizer / 1e6:F2} MB/s");
    Console.WriteLine($"JapaneseTokenizer (search, one text):      {searchWhole:F2} s  {text.Length / searchWhole / 1e6:F2} M chars/s  {bytes / searchWhole / 1e6:F2} MB/s");
    Console.WriteLine($"JapaneseTokenizer (search, line = doc):    {searchDocuments:F2} s  {text.Length / searchDocuments / 1e6:F2} M chars/s  {bytes / searchDocuments / 1e6:F2} MB/s");
    Console.WriteLine($"MecabFormat.Write (search):   {searchFormat:F2} s  {text.Length / searchFormat / 1e6:F2} M chars/s  {bytes / searchFormat / 1e6:F2} MB/s");
    Console.WriteLine($"mecab -d ipadic-utf8:         {mecab:F2} s  {text.Length / mecab / 1e6:F2} M chars/s  {bytes / mecab / 1e6:F2} MB/s");
    Console.WriteLine($"ratio ours/mecab (MeCab format output): normal {mecab / ours:F2}, search {mecab / searchFormat:F2}");
    Console.WriteLine($"ratio search tokenizer (line = doc)/mecab: {mecab / searchDocuments:F2}");
    process.Refresh();
    Console.WriteLine($"resident memory: {process.WorkingSet64 / 1048576.0:F0} MB (peak {process.PeakWorkingSet64 / 1048576.0:F0} MB)");
}
finally
{
    File.Delete(file);
}
return 0;

static double RunOurs(string text, JapaneseDictionary dictionary)
{
    var sw = Stopwatch.StartNew();
    MecabFormat.Write(new StringReader(text), TextWriter.Null, JapaneseTokenizerMode.Normal, dictionary, null);
    return sw.Elapsed.TotalSeconds;
}

static double RunTokenizer(string text, JapaneseDictionary dictionary, JapaneseTokenizerMode mode)
{
    var sw = Stopwatch.StartNew();
    using var tokenizer = new JapaneseTokenizer(new StringReader(text), dictionary, null, mode, discardPunctuation: false);
    var term = tokenizer.AddAttribute<ICharTermAttribute>();
    tokenizer.Reset();
    long n = 0;
    while (tokenizer.IncrementToken())
    {
        n += term.Length;
    }
    tokenizer.End();
    return sw.Elapsed.TotalSeconds;
}

// As the index uses it: one reused tokenizer, one field value (here: one line) at a time.
static double RunSearchDocuments(string[] documents, JapaneseDictionary dictionary)
{
    var sw = Stopwatch.StartNew();
    var tokenizer = new JapaneseTokenizer(new StringReader(""), dictionary, null, JapaneseTokenizerMode.Search, discardPunctuation: true);
    var term = tokenizer.AddAttribute<ICharTermAttribute>();
    long n = 0;
    foreach (var document in documents)
    {
        tokenizer.SetReader(new StringReader(document));
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            n += term.Length;
        }
        tokenizer.End();
        tokenizer.Dispose();
    }
    return sw.Elapsed.TotalSeconds;
}

static double RunSearchMecabFormat(string text, JapaneseDictionary dictionary)
{
    var sw = Stopwatch.StartNew();
    MecabFormat.Write(new StringReader(text), TextWriter.Null, JapaneseTokenizerMode.Search, dictionary, null);
    return sw.Elapsed.TotalSeconds;
}

static double RunMecab(string file)
{
    var sw = Stopwatch.StartNew();
    using var mecab = Process.Start(new ProcessStartInfo("mecab", ["-d", "/var/lib/mecab/dic/ipadic-utf8", "-o", "/dev/null", file])
    {
        RedirectStandardOutput = true,
    })!;
    mecab.WaitForExit();
    if (mecab.ExitCode != 0)
    {
        throw new InvalidOperationException($"mecab exited with {mecab.ExitCode}");
    }
    return sw.Elapsed.TotalSeconds;
}

static string FindCorpus()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, "tests", "Catalog.Japanese.Tests", "Golden", "corpus.txt");
        if (File.Exists(candidate))
        {
            return candidate;
        }
    }
    throw new FileNotFoundException("golden corpus not found; pass its path as the first argument");
}
