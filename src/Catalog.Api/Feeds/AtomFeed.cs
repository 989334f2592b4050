using System.Security.Cryptography;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Catalog.Api.Changes;
using Catalog.Core.Changes;
using Catalog.Core.Store;

namespace Catalog.Api.Feeds;

/// <summary>Changes as an Atom 1.0 feed (RFC 4287), written by System.ServiceModel.Syndication.</summary>
public static class AtomFeed
{
    public const string Tag = "tag:smartcity-catalog,2026:";

    public static byte[] Write(IReadOnlyList<ChangeEntry> changes, RevisionLog log, Uri baseUri, Uri self, string? q, DateTimeOffset updated)
    {
        var title = string.IsNullOrEmpty(q) ? "スマートシティ支援制度カタログ 新着・変更" : $"スマートシティ支援制度カタログ 新着・変更「{q}」";
        var feed = new SyndicationFeed(title, "支援制度の新規掲載・変更・掲載終了", new Uri(baseUri, "./"),
            Tag + "feed:" + Hash(self.PathAndQuery), updated)
        {
            Language = "ja",
            Generator = "Catalog",
        };
        feed.Authors.Add(new SyndicationPerson { Name = "スマートシティ支援制度カタログ" });
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));

        feed.Items = changes.Select(e =>
        {
            var item = ChangesApi.ToItem(e, log);
            var link = ProgramLink(baseUri, item.ProgramId);
            var entry = new SyndicationItem($"{item.Title}：{item.ProgramName}", Content(item), link, EntryId(e), e.Revision.Time)
            {
                PublishDate = e.Revision.Time,
            };
            entry.Categories.Add(new SyndicationCategory(item.Change));
            return entry;
        }).ToList();

        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" };
        using (var writer = XmlWriter.Create(buffer, settings)) new Atom10FeedFormatter(feed).WriteTo(writer);
        return buffer.ToArray();
    }

    /// <summary>Stable per revision and entity: a reader that has seen an entry never sees it again as new.</summary>
    public static string EntryId(ChangeEntry e) =>
        $"{Tag}revision:{e.Revision.Number}:{e.Change.Kind}:{(e.Change.Kind == EntityKinds.Program ? Uri.EscapeDataString(e.Change.Key) : Hash(e.Change.Key))}";

    // The program's page; for a removed program that page says 掲載終了 and shows its history.
    private static Uri ProgramLink(Uri baseUri, string id) => new(baseUri, $"./?id={Uri.EscapeDataString(id)}");

    private static TextSyndicationContent Content(ChangeItem item)
    {
        var lines = new List<string> { $"{item.ProgramName}（{item.ProgramId}）: {item.Title}" };
        lines.AddRange(item.Fields.Select(f => $"{f.LabelJa}: {FieldLabels.Value(f.Before)} → {FieldLabels.Value(f.After)}"));
        return new TextSyndicationContent(string.Join("\n", lines));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
