namespace TakeoverRules.Passwords;

/// <summary>Stable codes for suggestions; text via <see cref="PasswordFeedbackText"/>.</summary>
public enum PasswordSuggestion
{
    /// <summary>Use a few words, avoid common phrases.</summary>
    UseFewWords = 0,

    /// <summary>No need for symbols, digits or upper-case letters.</summary>
    NoNeedForSymbols,

    /// <summary>Add another word or two; uncommon words are better.</summary>
    AddAnotherWord,

    /// <summary>Use a longer keyboard pattern with more turns.</summary>
    LongerKeyboardPattern,

    /// <summary>Avoid repeated words and characters.</summary>
    AvoidRepeats,

    /// <summary>Avoid sequences.</summary>
    AvoidSequences,

    /// <summary>Avoid recent years.</summary>
    AvoidRecentYears,

    /// <summary>Avoid years that are associated with you.</summary>
    AvoidPersonalYears,

    /// <summary>Avoid dates and years that are associated with you, including era years such as H05.</summary>
    AvoidPersonalDates,

    /// <summary>Avoid names, and names combined with birthdays.</summary>
    AvoidNames,

    /// <summary>Do not use your login ID, e-mail address, name or birthday.</summary>
    AvoidPersonalInformation,

    /// <summary>Do not use the service's or broker's name or finance words.</summary>
    AvoidServiceWords,

    /// <summary>Do not use telephone numbers.</summary>
    AvoidPhoneNumbers,

    /// <summary>Capitalization does not help very much.</summary>
    CapitalizationDoesNotHelp,

    /// <summary>All-upper-case is almost as easy to guess as all-lower-case.</summary>
    AllUppercaseDoesNotHelp,

    /// <summary>Reversed words are not much harder to guess.</summary>
    ReversedWordsDoNotHelp,

    /// <summary>Predictable substitutions such as <c>@</c> for <c>a</c> do not help very much.</summary>
    SubstitutionsDoNotHelp,

    /// <summary>Full-width characters were judged as their half-width forms; typing them does not add strength.</summary>
    FullWidthDoesNotHelp,

    /// <summary>Do not reuse a password from another site.</summary>
    DoNotReuse,

    /// <summary>Typing a word in another keyboard input mode (kana keys, romaji in kana mode) does not hide it.</summary>
    InputModeDoesNotHelp,

    /// <summary>Another romaji spelling of a word (tu/tsu, si/shi, nn, long vowels) does not hide it.</summary>
    SpellingVariantsDoNotHelp,
}
