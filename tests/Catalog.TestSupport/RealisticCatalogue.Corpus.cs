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

// The realistic catalogue's source text: sentences, nouns and names drawn from seed/documents.
public static partial class RealisticCatalogue
{
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
