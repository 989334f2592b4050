namespace Catalog.Japanese;

/// <summary>How the tokenizer segments text.</summary>
public enum JapaneseTokenizerMode
{
    /// <summary>MeCab's segmentation, token for token.</summary>
    Normal,

    /// <summary>
    /// Normal segmentation, then long words are decompounded with Kuromoji's search-mode
    /// penalties; the compound is kept at the position of its first part.
    /// </summary>
    Search,

    /// <summary>Search mode, and unknown words are split into single characters (unigrams).</summary>
    Extended,
}
