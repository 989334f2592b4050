using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Catalog.Core.Programs;
using Catalog.Core.Search;
using Catalog.Japanese;
using Catalog.Japanese.Analysis;
using Catalog.Japanese.Dictionary;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Catalog.Benchmarks;

/// <summary>
/// A generated catalogue with the vocabulary of real documents, the typical case beside
/// <see cref="SyntheticCatalogue"/>'s worst one: summaries are sentences of seed/documents (split
/// at 。, some spliced at a 、 with another's ending), their nouns sometimes swapped for nouns
/// drawn by a Zipf law from the documents' own nouns (ranked by frequency, tokenised by the
/// catalogue's analyzer); names are document noun phrases; facets follow skewed distributions.
/// Still clearly generated: every name starts with 【合成】, every source is "synthetic".
/// Same record shape as the synthetic catalogue; deterministic for a seed and count.
/// </summary>
public static partial class RealisticCatalogue
{
    public const int DefaultSeed = 20_241_123;

    // Skewed facets: the first value is the most common (Zipf over the order given).
    private static readonly string[] MinistryOrder =
        ["内閣府", "総務省", "国土交通省", "経済産業省", "デジタル庁", "文部科学省", "厚生労働省", "農林水産省", "環境省", "内閣官房", "復興庁", "警察庁"];
    private static readonly string[] KindOrder =
        ["補助金", "交付金", "実証支援", "伴走支援・計画策定支援", "情報提供・マッチング", "委託", "アドバイザー派遣", "表彰・認定", "税制"];
    private static readonly string[] ApplicantOrder =
        ["市区町村", "地方公共団体", "民間事業者", "都道府県", "コンソーシアム", "中枢中核都市", "大学・研究機関", "NPO・団体", "一部事務組合・広域連合", "個人"];
    private static readonly string[] FieldOrder =
    [
        "スマートシティ", "地方創生", "地域活性化", "産業振興", "人材育成", "行政DX", "まちづくり", "交通", "AI", "IoT",
        "情報発信", "観光", "教育", "防災", "医療", "健康", "福祉", "子育て", "データ連携基盤", "MaaS", "環境", "エネルギー",
        "農業", "オープンデータ", "自動運転", "ドローン", "5G", "見守り", "ヘルスケア", "ロボット", "物流", "キャッシュレス",
    ];
    private static readonly (string, double)[] Levels = [("national", 45), ("municipal", 45), ("prefectural", 7), ("private", 3)];
    private static readonly (string, double)[] RateTexts =
        [("1/2", 40), ("定額", 20), ("2/3", 12), ("1/2以内", 8), ("3/4", 6), ("10/10", 5), ("1/3", 5), ("2/3以内", 4)];
    private static readonly (string, double)[] CapTexts =
    [
        ("1,000万円", 18), ("500万円", 14), ("3,000万円", 10), ("1億円", 10), ("300万円", 8), ("2,000万円", 8), ("5,000万円", 7),
        ("100万円", 7), ("2億円", 5), ("3.0億円", 4), ("50万円", 4), ("上限の定めなし", 3), ("10億円", 2),
    ];
    private static readonly (int, double)[] LastFiscalYears =
        [(2025, 30), (2024, 25), (2023, 17), (2022, 10), (2021, 8), (2026, 5), (2020, 3), (2019, 2)];
    // Calls open mostly in spring, at the start of the fiscal year (April = 0).
    private static readonly (int, double)[] StartMonths =
        [(0, 25), (1, 22), (2, 15), (3, 10), (4, 6), (5, 5), (6, 4), (7, 3), (8, 2), (9, 3), (10, 3), (11, 2)];
    private static readonly (int, double)[] WindowDays = [(30, 30), (21, 15), (45, 15), (60, 15), (14, 10), (90, 10), (120, 5)];
    private static readonly (string, double)[] NameEndings =
    [
        ("事業", 30), ("推進事業", 20), ("支援事業", 14), ("補助金", 10), ("交付金", 6), ("モデル事業", 6), ("実証事業", 6),
        ("導入支援", 4), ("計画策定支援", 4),
    ];

    /// <summary>Writes the catalogue as NDJSON, the form `import` reads.</summary>
    public static void WriteNdjson(string path, int count, int seed = DefaultSeed)
    {
        using var writer = new StreamWriter(path);
        foreach (var p in Generate(count, seed)) writer.Write(ProgramJson.Serialize(p) + "\n");
    }

    public static IEnumerable<ProgramRecord> Generate(int count, int seed = DefaultSeed)
    {
        var corpus = DocumentCorpus.Instance;
        var random = new Random(seed);
        var ministries = new Zipf(MinistryOrder.Length, 1.0);
        var kinds = new Zipf(KindOrder.Length, 1.1);
        var applicants = new Zipf(ApplicantOrder.Length, 1.0);
        var fields = new Zipf(FieldOrder.Length, 0.9);
        var levels = new Weighted<string>(Levels);
        var rates = new Weighted<string>(RateTexts);
        var caps = new Weighted<string>(CapTexts);
        var lastYears = new Weighted<int>(LastFiscalYears);
        var months = new Weighted<int>(StartMonths);
        var days = new Weighted<int>(WindowDays);
        var endings = new Weighted<string>(NameEndings);
        var text = new StringBuilder();

        for (var n = 1; n <= count; n++)
        {
            var level = levels.Next(random);
            var ministry = level switch
            {
                "national" => MinistryOrder[ministries.Next(random)],
                "municipal" => corpus.Municipalities[corpus.MunicipalityRanks.Next(random)],
                "prefectural" => corpus.Prefectures[corpus.PrefectureRanks.Next(random)],
                _ => corpus.Organizations[corpus.OrganizationRanks.Next(random)],
            };

            // Name: a document noun phrase, sometimes two joined the documents' way, with a program ending.
            var core = corpus.Phrases[corpus.PhraseRanks.Next(random)];
            if (random.NextDouble() < 0.15) core = corpus.Phrases[corpus.PhraseRanks.Next(random)] + "を活用した" + core;
            var ending = endings.Next(random);
            var name = new StringBuilder("【合成】");
            if (level is "municipal" or "prefectural" && random.NextDouble() < 0.5) name.Append(ministry);
            name.Append(core);
            if (!EndsLikeAProgram(core)) name.Append(ending);

            var yearCount = random.NextDouble() switch { < 0.6 => 1, < 0.85 => 2, _ => 3 };
            var lastYear = lastYears.Next(random);
            var years = Enumerable.Range(lastYear - yearCount + 1, yearCount).ToList();
            if (random.NextDouble() < 0.25) name.Append(CultureInfo.InvariantCulture, $"（令和{lastYear - 2018}年度）");

            text.Clear();
            var sentences = random.NextDouble() switch { < 0.1 => 1, < 0.5 => 2, < 0.85 => 3, _ => 4 };
            for (var s = 0; s < sentences; s++) corpus.AppendSentence(text, random);
            var summary = text.ToString();
            text.Clear();
            corpus.AppendPurpose(text, random);
            var purpose = text.ToString();

            var requirements = new List<string>();
            var requirementCount = random.NextDouble() switch { < 0.4 => 0, < 0.8 => 1, _ => 2 };
            for (var r = 0; r < requirementCount; r++) requirements.Add(corpus.Requirements[random.Next(corpus.Requirements.Count)]);

            // Fields follow the text (a field the name or summary names), plus a skewed tag or two.
            var programFields = new List<string>();
            foreach (var f in Vocabulary.Fields)
                if (programFields.Count < 3 && (summary.Contains(f, StringComparison.Ordinal) || core.Contains(f, StringComparison.Ordinal))) programFields.Add(f);
            if (programFields.Count == 0 || random.NextDouble() < 0.4) programFields.Add(FieldOrder[fields.Next(random)]);
            if (random.NextDouble() < 0.2) programFields.Add(FieldOrder[fields.Next(random)]);

            var windows = new List<ApplicationWindow>();
            var windowDraw = random.NextDouble();
            if (windowDraw < 0.05) windows.Add(new ApplicationWindow { Start = $"{years[0]}-04-01", YearRound = true });
            else if (windowDraw < 0.65)
            {
                var start = new DateOnly(lastYear, 4, 1).AddMonths(months.Next(random)).AddDays(random.Next(0, 28));
                var rounds = windowDraw < 0.53 ? 1 : 2;
                for (var w = 0; w < rounds; w++)
                {
                    var end = start.AddDays(days.Next(random));
                    windows.Add(new ApplicationWindow
                    {
                        Round = rounds > 1 ? $"第{w + 1}回" : null,
                        Start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        End = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    });
                    start = end.AddDays(random.Next(30, 120));
                }
            }

            var capList = new List<Cap>();
            var capDraw = random.NextDouble();
            if (capDraw < 0.15)
            {
                capList.Add(new Cap { Text = caps.Next(random), Applicant = "都道府県" });
                capList.Add(new Cap { Text = caps.Next(random), Applicant = "市区町村" });
            }
            else if (capDraw < 0.65) capList.Add(new Cap { Text = caps.Next(random), Applicant = random.NextDouble() < 0.5 ? null : ApplicantOrder[applicants.Next(random)] });

            var id = $"realistic-{n:D6}";
            yield return new ProgramRecord
            {
                Id = id,
                FamilyKey = id,
                Name = name.ToString(),
                Aliases = random.NextDouble() < 0.25 ? [core] : [],
                FiscalYears = years,
                Level = level,
                Ministry = ministry,
                Kinds = Distinct(random, KindOrder, kinds, random.NextDouble() < 0.75 ? 1 : 2),
                Fields = programFields.Distinct().ToList(),
                Summary = summary,
                Purpose = purpose,
                Rate = random.NextDouble() < (level == "national" ? 0.7 : 0.4) ? new SubsidyRate { Text = rates.Next(random) } : null,
                Caps = capList,
                Applicants = Distinct(random, ApplicantOrder, applicants, random.NextDouble() switch { < 0.5 => 1, < 0.85 => 2, _ => 3 }),
                Requirements = requirements.Distinct().ToList(),
                Windows = windows,
                Sources = [new Source { Document = "synthetic", Section = "realistic (recombined from seed/documents)" }],
            };
        }
    }

    private static bool EndsLikeAProgram(string phrase) =>
        phrase.EndsWith("事業", StringComparison.Ordinal) || phrase.EndsWith("金", StringComparison.Ordinal)
        || phrase.EndsWith("支援", StringComparison.Ordinal) || phrase.EndsWith("制度", StringComparison.Ordinal);

    private static List<string> Distinct(Random random, string[] order, Zipf ranks, int count)
    {
        var result = new List<string>(count);
        for (var tries = 0; result.Count < count && tries < 10; tries++)
        {
            var value = order[ranks.Next(random)];
            if (!result.Contains(value)) result.Add(value);
        }
        return result;
    }

    /// <summary>Draws rank 0..n-1 with probability ∝ 1/(rank+1)^s.</summary>
    internal sealed class Zipf
    {
        private readonly double[] _cumulative;

        public Zipf(int n, double s)
        {
            if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), "a Zipf law needs at least one value");
            _cumulative = new double[n];
            var sum = 0.0;
            for (var k = 0; k < n; k++) _cumulative[k] = sum += 1 / Math.Pow(k + 1, s);
            for (var k = 0; k < n; k++) _cumulative[k] /= sum;
        }

        public int Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble());
            return Math.Min(i < 0 ? ~i : i, _cumulative.Length - 1);
        }
    }

    private sealed class Weighted<T>
    {
        private readonly T[] _values;
        private readonly double[] _cumulative;

        public Weighted((T Value, double Weight)[] weights)
        {
            _values = weights.Select(w => w.Value).ToArray();
            _cumulative = new double[weights.Length];
            var sum = weights.Sum(w => w.Weight);
            var running = 0.0;
            for (var i = 0; i < weights.Length; i++) _cumulative[i] = (running += weights[i].Weight) / sum;
        }

        public T Next(Random random)
        {
            var i = Array.BinarySearch(_cumulative, random.NextDouble());
            return _values[Math.Min(i < 0 ? ~i : i, _values.Length - 1)];
        }
    }

    /// <summary>
    /// What the generator draws from, read once per process from the documents embedded in this
    /// assembly (the files of seed/documents) and the municipality master.
    /// </summary>
    internal sealed partial class DocumentCorpus
    {
        private static readonly Lazy<DocumentCorpus> Shared = new(() => new DocumentCorpus(), LazyThreadSafetyMode.ExecutionAndPublication);

        public static DocumentCorpus Instance => Shared.Value;

        /// <summary>A sentence and the spans of its content nouns (the words a draw may replace).</summary>
        private sealed record Sentence(string Text, (int Start, int End)[] Nouns, int[] Commas);

        private readonly List<Sentence> _sentences = [];
        private readonly List<Sentence> _purposes = [];
        private readonly List<Sentence> _spliceable = [];

        /// <summary>Content nouns of the documents, most frequent first, and a Zipf law over that ranking.</summary>
        public IReadOnlyList<string> Nouns { get; }
        public Zipf NounRanks { get; }
        /// <summary>Runs of nouns (未来技術社会実装, 地域交通ネットワーク …), most frequent first.</summary>
        public IReadOnlyList<string> Phrases { get; }
        public Zipf PhraseRanks { get; }
        public IReadOnlyList<string> Requirements { get; }
        public IReadOnlyList<string> Municipalities { get; }
        public Zipf MunicipalityRanks { get; }
        public IReadOnlyList<string> Prefectures { get; }
        public Zipf PrefectureRanks { get; }
        public IReadOnlyList<string> Organizations { get; }
        public Zipf OrganizationRanks { get; }
        public int SentenceCount => _sentences.Count;

        private DocumentCorpus()
        {
            var documents = Resources("documents/").Select(r => r.Text).ToList();
            using var analyzer = new JapaneseAnalyzer(SearchSchema.Version, LoadUserDictionary(), JapaneseTokenizerMode.Search);
            var nounCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            var phraseCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            var requirements = new SortedSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);

            foreach (var document in documents)
            foreach (var piece in Pieces(document))
            {
                var tokens = Tokens(analyzer, piece);
                CountPhrases(piece, tokens, phraseCounts);
                foreach (Match m in RequirementPattern().Matches(piece)) requirements.Add(m.Value);
                foreach (var sentenceText in SplitSentences(piece))
                {
                    if (!seen.Add(sentenceText)) continue;
                    var sentenceTokens = Tokens(analyzer, sentenceText);
                    var nouns = sentenceTokens.Where((t, k) => IsContentNoun(t.PartOfSpeech, sentenceText, t.Start, t.End) && StandsAlone(sentenceTokens, k, sentenceText))
                        .Select(t => (t.Start, t.End)).ToArray();
                    foreach (var (start, end) in nouns) Increment(nounCounts, sentenceText[start..end]);
                    var commas = Enumerable.Range(0, sentenceText.Length).Where(i => sentenceText[i] == '、' && i > 4 && i < sentenceText.Length - 6).ToArray();
                    var sentence = new Sentence(sentenceText, nouns, commas);
                    _sentences.Add(sentence);
                    if (commas.Length > 0) _spliceable.Add(sentence);
                    if (PurposePattern().IsMatch(sentenceText)) _purposes.Add(sentence);
                }
            }
            if (_sentences.Count < 100 || _spliceable.Count == 0) throw new InvalidOperationException($"only {_sentences.Count} sentences in the embedded documents");
            if (_purposes.Count == 0) _purposes.AddRange(_sentences);

            Nouns = Ranked(nounCounts, minimum: 1);
            NounRanks = new Zipf(Nouns.Count, 1.0);
            Phrases = Ranked(phraseCounts, minimum: 1);
            PhraseRanks = new Zipf(Phrases.Count, 0.8);
            Requirements = requirements.Count > 0 ? [.. requirements] : ["KPIを設定すること"];
            Organizations = Phrases.Where(p => OrganizationPattern().IsMatch(p)).DefaultIfEmpty("地域実装協議会").ToList();
            OrganizationRanks = new Zipf(Organizations.Count, 1.0);

            // Municipalities named in the documents first (by mentions), then the master's cities,
            // towns and villages: a few bodies run many programs, most run a few.
            var all = string.Concat(documents);
            using var master = JsonDocument.Parse(Resources("municipalities.json").Single().Text);
            var entries = master.RootElement.GetProperty("municipalities").EnumerateArray()
                .Select(e => (Name: e.GetProperty("name").GetString()!, Kind: e.GetProperty("kind").GetString()!)).ToList();
            Prefectures = entries.Where(e => e.Kind == "都道府県").Select(e => e.Name)
                .OrderByDescending(p => Occurrences(all, p)).ThenBy(p => p, StringComparer.Ordinal).ToList();
            PrefectureRanks = new Zipf(Prefectures.Count, 0.8);
            int KindOrder(string kind) => kind switch { "市" => 0, "特別区" => 1, "町" => 2, _ => 3 };
            Municipalities = entries.Where(e => e.Kind != "都道府県").DistinctBy(e => e.Name)
                .OrderByDescending(e => Occurrences(all, e.Name)).ThenBy(e => KindOrder(e.Kind)).ThenBy(e => Stable(e.Name))
                .Select(e => e.Name).ToList();
            MunicipalityRanks = new Zipf(Municipalities.Count, 0.8);
        }

        /// <summary>
        /// One sentence of the documents, or (one time in three) the start of one up to a 、 and the
        /// end of another after its 、; now and then (<see cref="NounSwap"/>) a whole content noun is
        /// replaced by a noun drawn by the Zipf law.
        /// </summary>
        public void AppendSentence(StringBuilder text, Random random)
        {
            if (random.NextDouble() < 0.35)
            {
                var head = _spliceable[random.Next(_spliceable.Count)];
                var tail = _spliceable[random.Next(_spliceable.Count)];
                Append(text, head, 0, head.Commas[random.Next(head.Commas.Length)] + 1, random);
                Append(text, tail, tail.Commas[random.Next(tail.Commas.Length)] + 1, tail.Text.Length, random);
            }
            else
            {
                var sentence = _sentences[random.Next(_sentences.Count)];
                Append(text, sentence, 0, sentence.Text.Length, random);
            }
        }

        /// <summary>A sentence that states an aim (…を目指す, …を図る, 目的 …).</summary>
        public void AppendPurpose(StringBuilder text, Random random)
        {
            var sentence = _purposes[random.Next(_purposes.Count)];
            Append(text, sentence, 0, sentence.Text.Length, random);
        }

        // How often a whole noun of a sentence is swapped for a drawn one: enough for a long tail of
        // combinations, rare enough that the text stays the documents'.
        private const double NounSwap = 0.15;

        private void Append(StringBuilder text, Sentence sentence, int from, int to, Random random)
        {
            var at = from;
            foreach (var (start, end) in sentence.Nouns)
            {
                if (start < from || end > to) continue;
                if (random.NextDouble() >= NounSwap) continue;
                text.Append(sentence.Text, at, start - at).Append(Nouns[NounRanks.Next(random)]);
                at = end;
            }
            text.Append(sentence.Text, at, to - at);
        }

        // Lines and table cells, without HTML list markup, Markdown emphasis and bullets.
        private static IEnumerable<string> Pieces(string document)
        {
            var clean = MarkupPattern().Replace(document, " ").Replace("**", "", StringComparison.Ordinal);
            foreach (var line in clean.Split('\n'))
            foreach (var cell in line.Split('\t'))
            {
                var piece = cell.Trim().TrimStart('-', '・', '●', '○', '※', '◆', '■', '□', '◎', ' ', '　').Trim();
                if (piece.Length > 0) yield return piece;
            }
        }

        // Sentences end at 。; a bullet or cell of running text without one counts as a sentence too.
        private static IEnumerable<string> SplitSentences(string piece)
        {
            var start = 0;
            for (var i = 0; i <= piece.Length; i++)
            {
                if (i < piece.Length && piece[i] != '。') continue;
                var sentence = piece[start..Math.Min(i + 1, piece.Length)].Trim().TrimStart('・', '　', ' ');
                start = i + 1;
                if (!sentence.EndsWith('。')) sentence += "。";
                if (sentence.Length is >= 16 and <= 160 && LooksLikeProse(sentence)) yield return sentence;
            }
        }

        private static bool LooksLikeProse(string sentence)
        {
            var japanese = 0;
            foreach (var c in sentence)
            {
                if (c is '<' or '>' or '|' or '@' or '\t') return false;
                if (c is >= '\u3040' and <= '\u30ff' or >= '\u4e00' and <= '\u9fff') japanese++;
            }
            // Running text has particles; a list of names or numbers has few.
            return japanese >= sentence.Length * 0.7 && sentence.Count(c => c is 'を' or 'に' or 'が' or 'は' or 'の' or 'て' or 'で') >= 2;
        }

        private static bool IsContentNoun(string? pos, string text, int start, int end)
        {
            if (pos is null || end - start < 2) return false;
            if (!(pos.StartsWith("名詞-一般", StringComparison.Ordinal) || pos.StartsWith("名詞-サ変接続", StringComparison.Ordinal)
                  || pos.StartsWith("名詞-固有名詞-組織", StringComparison.Ordinal) || pos.StartsWith("名詞-固有名詞-一般", StringComparison.Ordinal))) return false;
            for (var i = start; i < end; i++)
                if (char.IsAsciiDigit(text[i]) || char.IsWhiteSpace(text[i]) || text[i] is >= '０' and <= '９') return false;
            return true;
        }

        // A word a draw may replace is a whole word: no noun right before or after it (so 連携 in
        // データ連携基盤 stays), and not a piece of a longer katakana or Latin run (ローン of ドローン).
        private static bool StandsAlone(List<Token> tokens, int k, string text)
        {
            var (start, end) = (tokens[k].Start, tokens[k].End);
            if (k > 0 && tokens[k - 1].End == start && IsPhrasePart(tokens[k - 1].PartOfSpeech)) return false;
            if (k + 1 < tokens.Count && tokens[k + 1].Start == end && IsPhrasePart(tokens[k + 1].PartOfSpeech)) return false;
            return (start == 0 || Script(text[start - 1]) != Script(text[start]) || Script(text[start]) == 0)
                && (end == text.Length || Script(text[end]) != Script(text[end - 1]) || Script(text[end]) == 0);
        }

        private static int Script(char c) => c switch
        {
            >= '\u30a0' and <= '\u30ff' => 1,
            >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= 'Ａ' and <= 'Ｚ' or >= 'ａ' and <= 'ｚ' => 2,
            _ => 0,
        };

        private static bool IsPhrasePart(string? pos) =>
            pos is not null && pos.StartsWith("名詞", StringComparison.Ordinal) && !pos.StartsWith("名詞-非自立", StringComparison.Ordinal)
            && !pos.StartsWith("名詞-代名詞", StringComparison.Ordinal) && !pos.StartsWith("名詞-副詞可能", StringComparison.Ordinal)
            && !pos.StartsWith("名詞-数", StringComparison.Ordinal);

        // Adjacent nouns (nothing between them in the text) make a phrase: 未来技術 + 社会 + 実装.
        private static void CountPhrases(string text, List<Token> tokens, Dictionary<string, int> counts)
        {
            var i = 0;
            while (i < tokens.Count)
            {
                if (!IsPhrasePart(tokens[i].PartOfSpeech) || tokens[i].PartOfSpeech!.StartsWith("名詞-接尾", StringComparison.Ordinal)) { i++; continue; }
                var j = i + 1;
                while (j < tokens.Count && tokens[j].Start == tokens[j - 1].End && IsPhrasePart(tokens[j].PartOfSpeech)) j++;
                var phrase = text[tokens[i].Start..tokens[j - 1].End];
                if (j - i >= 2 && phrase.Length is >= 4 and <= 20 && !phrase.Any(c => char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || c is >= '０' and <= '９'))
                    Increment(counts, phrase);
                i = j;
            }
        }

        private sealed record Token(int Start, int End, string? PartOfSpeech);

        // The catalogue's own analysis of text fields (search mode, its user dictionary); compounds
        // kept beside their parts are skipped, so every word is counted once.
        private static List<Token> Tokens(Analyzer analyzer, string text)
        {
            var tokens = new List<Token>();
            using var stream = analyzer.GetTokenStream("summary", text);
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var pos = stream.AddAttribute<IPartOfSpeechAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                if (increment.PositionIncrement > 0) tokens.Add(new Token(offset.StartOffset, offset.EndOffset, pos.PartOfSpeech));
            stream.End();
            return tokens;
        }

        private static UserDictionary LoadUserDictionary()
        {
            using var stream = typeof(CatalogAnalyzers).Assembly.GetManifestResourceStream("Catalog.Core.Search.userdict.csv")
                ?? throw new InvalidOperationException("the built-in user dictionary is missing from Catalog.Core");
            using var reader = new StreamReader(stream);
            return UserDictionary.Load(reader);
        }

        private static IEnumerable<(string Name, string Text)> Resources(string prefix)
        {
            var assembly = typeof(DocumentCorpus).Assembly;
            foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                yield return (name, reader.ReadToEnd());
            }
        }

        private static List<string> Ranked(Dictionary<string, int> counts, int minimum) =>
            counts.Where(c => c.Value >= minimum).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => c.Key).ToList();

        private static void Increment(Dictionary<string, int> counts, string key) =>
            counts[key] = counts.GetValueOrDefault(key) + 1;

        private static int Occurrences(string text, string word)
        {
            var n = 0;
            for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) n++;
            return n;
        }

        // A fixed pseudo-random order (string.GetHashCode is randomised per process).
        private static uint Stable(string s)
        {
            var h = 2166136261u;
            foreach (var c in s) h = (h ^ c) * 16777619u;
            return h;
        }

        [GeneratedRegex("<[^>]*>")]
        private static partial Regex MarkupPattern();

        [GeneratedRegex("[一-龥ァ-ヶーA-Za-z][^、。「」（）()]{4,40}?(?:すること|であること|していること|しないこと)")]
        private static partial Regex RequirementPattern();

        [GeneratedRegex("目的|目指|図る|ため、")]
        private static partial Regex PurposePattern();

        [GeneratedRegex("(協議会|コンソーシアム|機構|財団|センター|推進会議)$")]
        private static partial Regex OrganizationPattern();
    }
}
