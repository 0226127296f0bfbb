namespace TakeoverRules.Passwords;

/// <summary>The ranked word list a <see cref="PasswordPatternKind.Dictionary"/> pattern came from.</summary>
public enum PasswordWordList
{
    /// <summary>Not a dictionary pattern.</summary>
    None = 0,

    /// <summary>Common passwords, frequency ordered (from the Xato 10M corpus via zxcvbn-ts).</summary>
    CommonPasswords,

    /// <summary>English words by frequency in English Wikipedia.</summary>
    EnglishWords,

    /// <summary>English words by frequency in television and film subtitles.</summary>
    EnglishTvAndFilm,

    /// <summary>Surnames by frequency (US census).</summary>
    Surnames,

    /// <summary>US female given names by frequency (US census).</summary>
    FemaleNames,

    /// <summary>US male given names by frequency (US census).</summary>
    MaleNames,

    /// <summary>English given names (zxcvbn-ts; unranked, so every name gets the rank a Zipf-popular name has on average).</summary>
    EnglishGivenNames,

    /// <summary>Japanese words in romaji, with Hepburn, passport, wapuro and Kunrei spellings.</summary>
    JapaneseWords,

    /// <summary>Japanese family names in romaji, with spelling variants.</summary>
    JapaneseSurnames,

    /// <summary>Japanese given names in romaji, with spelling variants (unranked, so every name gets the rank a Zipf-popular name has on average).</summary>
    JapaneseGivenNames,

    /// <summary>Broker names and finance terms (a short curated list).</summary>
    FinanceTerms,

    /// <summary>Words from the user inputs passed to the estimate (login ID, e-mail, name, birthday …).</summary>
    UserInputs,

    /// <summary>Context words configured in <see cref="PasswordEstimatorOptions.ContextWords"/> (service and brand names).</summary>
    ContextWords,
}
