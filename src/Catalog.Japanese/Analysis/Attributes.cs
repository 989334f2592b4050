using Lucene.Net.Util;

namespace Catalog.Japanese.Analysis;

/// <summary>Part of speech of a token, IPADIC tags joined by '-', e.g. <c>名詞-固有名詞-地域-一般</c>.</summary>
public interface IPartOfSpeechAttribute : IAttribute
{
    /// <summary>The part of speech, or null.</summary>
    string? PartOfSpeech { get; set; }
}

/// <summary>Dictionary (base) form of an inflected token, e.g. <c>落ちる</c> for <c>落ち</c>.</summary>
public interface IBaseFormAttribute : IAttribute
{
    /// <summary>The base form, or null for unknown words.</summary>
    string? BaseForm { get; set; }
}

/// <summary>Reading and pronunciation of a token, in katakana.</summary>
public interface IReadingAttribute : IAttribute
{
    /// <summary>The reading, e.g. <c>ガクセイ</c>, or null for unknown words.</summary>
    string? Reading { get; set; }

    /// <summary>The pronunciation, e.g. <c>ガクセイ</c>, or null for unknown words.</summary>
    string? Pronunciation { get; set; }
}

/// <summary>Conjugation (inflection) type and form of a token.</summary>
public interface IInflectionAttribute : IAttribute
{
    /// <summary>The inflection type, e.g. <c>一段</c>, or null.</summary>
    string? InflectionType { get; set; }

    /// <summary>The inflection form, e.g. <c>連用形</c>, or null.</summary>
    string? InflectionForm { get; set; }
}

/// <summary>Default implementation of <see cref="IPartOfSpeechAttribute"/>.</summary>
public sealed class PartOfSpeechAttribute : Lucene.Net.Util.Attribute, IPartOfSpeechAttribute
{
    /// <inheritdoc/>
    public string? PartOfSpeech { get; set; }

    /// <inheritdoc/>
    public override void Clear() => PartOfSpeech = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IPartOfSpeechAttribute)target).PartOfSpeech = PartOfSpeech;

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector) =>
        reflector.Reflect(typeof(IPartOfSpeechAttribute), "partOfSpeech", PartOfSpeech);
}

/// <summary>Default implementation of <see cref="IBaseFormAttribute"/>.</summary>
public sealed class BaseFormAttribute : Lucene.Net.Util.Attribute, IBaseFormAttribute
{
    /// <inheritdoc/>
    public string? BaseForm { get; set; }

    /// <inheritdoc/>
    public override void Clear() => BaseForm = null;

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target) => ((IBaseFormAttribute)target).BaseForm = BaseForm;

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector) =>
        reflector.Reflect(typeof(IBaseFormAttribute), "baseForm", BaseForm);
}

/// <summary>Default implementation of <see cref="IReadingAttribute"/>.</summary>
public sealed class ReadingAttribute : Lucene.Net.Util.Attribute, IReadingAttribute
{
    /// <inheritdoc/>
    public string? Reading { get; set; }

    /// <inheritdoc/>
    public string? Pronunciation { get; set; }

    /// <inheritdoc/>
    public override void Clear()
    {
        Reading = null;
        Pronunciation = null;
    }

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target)
    {
        var t = (IReadingAttribute)target;
        t.Reading = Reading;
        t.Pronunciation = Pronunciation;
    }

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect(typeof(IReadingAttribute), "reading", Reading);
        reflector.Reflect(typeof(IReadingAttribute), "pronunciation", Pronunciation);
    }
}

/// <summary>Default implementation of <see cref="IInflectionAttribute"/>.</summary>
public sealed class InflectionAttribute : Lucene.Net.Util.Attribute, IInflectionAttribute
{
    /// <inheritdoc/>
    public string? InflectionType { get; set; }

    /// <inheritdoc/>
    public string? InflectionForm { get; set; }

    /// <inheritdoc/>
    public override void Clear()
    {
        InflectionType = null;
        InflectionForm = null;
    }

    /// <inheritdoc/>
    public override void CopyTo(IAttribute target)
    {
        var t = (IInflectionAttribute)target;
        t.InflectionType = InflectionType;
        t.InflectionForm = InflectionForm;
    }

    /// <inheritdoc/>
    public override void ReflectWith(IAttributeReflector reflector)
    {
        reflector.Reflect(typeof(IInflectionAttribute), "inflectionType", InflectionType);
        reflector.Reflect(typeof(IInflectionAttribute), "inflectionForm", InflectionForm);
    }
}
