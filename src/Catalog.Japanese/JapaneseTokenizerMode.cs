namespace Catalog.Japanese;

/// <summary>How the tokenizer segments text.</summary>
public enum JapaneseTokenizerMode
{
    /// <summary>MeCab's segmentation, token for token, line by line.</summary>
    Normal,

    /// <summary>
    /// Lucene Kuromoji's search mode, token for token: long words are decompounded with its
    /// penalties and the compound is kept at the position of its first part.
    /// </summary>
    Search,

    /// <summary>Lucene Kuromoji's extended mode: penalised segmentation, unknown words as unigrams.</summary>
    Extended,
}
