namespace TakeoverRules.Passwords.Matching;

/// <summary>
/// Chooses the warning and suggestions from the decomposition, as zxcvbn's feedback (the longest pattern explains
/// the weakness), extended with combinations (a name next to a date), the caller's own words, Japanese patterns,
/// and feedback for strong passwords that still contain personal or service words.
/// </summary>
internal static class FeedbackBuilder
{
    public const int MaxSuggestions = 12;

    private static readonly PasswordFeedback EmptyPassword =
        new(PasswordWarning.None, [PasswordSuggestion.UseFewWords, PasswordSuggestion.NoNeedForSymbols]);

    // buffer: working space of at least MaxSuggestions entries (the caller's scratch).
    public static PasswordFeedback Build(
        ReadOnlySpan<Candidate> sequence, PasswordScore score, bool wasNormalized, Span<PasswordSuggestion> buffer, PasswordWordList callerWords = PasswordWordList.None)
    {
        if (sequence.Length == 0) return EmptyPassword;

        bool userInput = callerWords == PasswordWordList.UserInputs, context = callerWords == PasswordWordList.ContextWords;
        bool finance = false, name = false, date = false, phone = false;
        var longest = 0;
        for (var k = 0; k < sequence.Length; k++)
        {
            var c = sequence[k];
            if (c.Length > sequence[longest].Length) longest = k;
            switch (c.Dictionary)
            {
                case PasswordWordList.UserInputs: userInput = true; break;
                case PasswordWordList.ContextWords: context = true; break;
                case PasswordWordList.FinanceTerms: finance = true; break;
                case PasswordWordList.Surnames or PasswordWordList.FemaleNames or PasswordWordList.MaleNames or PasswordWordList.EnglishGivenNames
                    or PasswordWordList.JapaneseSurnames or PasswordWordList.JapaneseGivenNames:
                    name = true; break;
            }

            if (c.Kind is PasswordPatternKind.Date or PasswordPatternKind.Year or PasswordPatternKind.MonthDay or PasswordPatternKind.JapaneseEraDate)
                date = true;
            if (c.Kind == PasswordPatternKind.PhoneNumber) phone = true;
        }

        var suggestions = new SuggestionList(buffer[..MaxSuggestions]);
        if (score <= PasswordScore.Fair) suggestions.Add(PasswordSuggestion.AddAnotherWord);
        PasswordWarning warning;
        if (userInput)
        {
            warning = PasswordWarning.ContainsUserInput;
            suggestions.Add(PasswordSuggestion.AvoidPersonalInformation);
        }
        else if (context)
        {
            warning = PasswordWarning.ContainsContextWord;
            suggestions.Add(PasswordSuggestion.AvoidServiceWords);
        }
        else if (score > PasswordScore.Fair)
        {
            if (!wasNormalized) return PasswordFeedback.Empty;
            return new PasswordFeedback(PasswordWarning.None, [PasswordSuggestion.FullWidthDoesNotHelp]);
        }
        else if (name && date)
        {
            warning = PasswordWarning.NameWithDate;
            suggestions.Add(PasswordSuggestion.AvoidNames);
            suggestions.Add(PasswordSuggestion.AvoidPersonalDates);
        }
        else if (name && phone)
        {
            warning = PasswordWarning.NameWithPhoneNumber;
            suggestions.Add(PasswordSuggestion.AvoidNames);
            suggestions.Add(PasswordSuggestion.AvoidPhoneNumbers);
        }
        else if (finance)
        {
            warning = PasswordWarning.ContainsFinanceTerm;
            suggestions.Add(PasswordSuggestion.AvoidServiceWords);
        }
        else
        {
            warning = ForPattern(sequence[longest], sequence.Length == 1, ref suggestions);
        }

        if (sequence[longest].Kind == PasswordPatternKind.Dictionary) AddWordSuggestions(sequence[longest], ref suggestions);
        if (sequence[longest].Flags.HasFlag(CandidateFlags.CommonPassword) && sequence.Length == 1) suggestions.Add(PasswordSuggestion.DoNotReuse);
        if (wasNormalized) suggestions.Add(PasswordSuggestion.FullWidthDoesNotHelp);
        return new PasswordFeedback(warning, suggestions.ToArray());
    }

    private static PasswordWarning ForPattern(in Candidate c, bool soleMatch, ref SuggestionList suggestions)
    {
        switch (c.Kind)
        {
            case PasswordPatternKind.Dictionary:
                return DictionaryWarning(c, soleMatch);
            case PasswordPatternKind.Keyboard:
                suggestions.Add(PasswordSuggestion.LongerKeyboardPattern);
                return c.Keyboard is PasswordKeyboard.UsQwerty or PasswordKeyboard.JapaneseJis or PasswordKeyboard.Dvorak
                    ? c.Aux == 1 ? PasswordWarning.StraightKeyboardRow : PasswordWarning.ShortKeyboardPattern
                    : PasswordWarning.KeypadPattern;
            case PasswordPatternKind.Repeat:
                suggestions.Add(PasswordSuggestion.AvoidRepeats);
                return c.Aux == 1 ? PasswordWarning.RepeatedCharacters : PasswordWarning.RepeatedGroups;
            case PasswordPatternKind.Sequence:
                suggestions.Add(PasswordSuggestion.AvoidSequences);
                return PasswordWarning.Sequence;
            case PasswordPatternKind.Year:
                suggestions.Add(PasswordSuggestion.AvoidRecentYears);
                suggestions.Add(PasswordSuggestion.AvoidPersonalYears);
                return PasswordWarning.RecentYear;
            case PasswordPatternKind.Date or PasswordPatternKind.MonthDay:
                suggestions.Add(PasswordSuggestion.AvoidPersonalDates);
                return PasswordWarning.Date;
            case PasswordPatternKind.JapaneseEraDate:
                suggestions.Add(PasswordSuggestion.AvoidPersonalDates);
                return PasswordWarning.JapaneseEraDate;
            case PasswordPatternKind.PhoneNumber:
                suggestions.Add(PasswordSuggestion.AvoidPhoneNumbers);
                return PasswordWarning.PhoneNumber;
            default:
                return PasswordWarning.None;
        }
    }

    private static PasswordWarning DictionaryWarning(in Candidate c, bool soleMatch)
    {
        if ((c.Flags & (CandidateFlags.KanaKeys | CandidateFlags.LetterKeysInKanaMode)) != 0) return PasswordWarning.WordTypedInOtherInputMode;
        var plain = (c.Flags & (CandidateFlags.L33t | CandidateFlags.Reversed | CandidateFlags.SpellingVariant)) == 0;
        switch (c.Dictionary)
        {
            case PasswordWordList.CommonPasswords:
                if (soleMatch && plain)
                    return c.Rank <= 10 ? PasswordWarning.TopTenPassword : c.Rank <= 100 ? PasswordWarning.TopHundredPassword : PasswordWarning.CommonPassword;
                return c.Log10 <= 4 ? PasswordWarning.SimilarToCommonPassword : PasswordWarning.None;
            case PasswordWordList.EnglishWords or PasswordWordList.EnglishTvAndFilm or PasswordWordList.JapaneseWords:
                return soleMatch ? PasswordWarning.WordByItself : PasswordWarning.None;
            case PasswordWordList.Surnames or PasswordWordList.FemaleNames or PasswordWordList.MaleNames or PasswordWordList.EnglishGivenNames
                or PasswordWordList.JapaneseSurnames or PasswordWordList.JapaneseGivenNames:
                return soleMatch ? PasswordWarning.NameByItself : PasswordWarning.CommonNames;
            default:
                return PasswordWarning.None;
        }
    }

    private static void AddWordSuggestions(in Candidate c, ref SuggestionList suggestions)
    {
        if (c.Flags.HasFlag(CandidateFlags.AllUpper)) suggestions.Add(PasswordSuggestion.AllUppercaseDoesNotHelp);
        else if (c.Flags.HasFlag(CandidateFlags.SomeUpper)) suggestions.Add(PasswordSuggestion.CapitalizationDoesNotHelp);
        if (c.Flags.HasFlag(CandidateFlags.Reversed) && c.Length >= 4) suggestions.Add(PasswordSuggestion.ReversedWordsDoNotHelp);
        if (c.Flags.HasFlag(CandidateFlags.L33t)) suggestions.Add(PasswordSuggestion.SubstitutionsDoNotHelp);
        if ((c.Flags & (CandidateFlags.KanaKeys | CandidateFlags.LetterKeysInKanaMode)) != 0) suggestions.Add(PasswordSuggestion.InputModeDoesNotHelp);
        if (c.Flags.HasFlag(CandidateFlags.SpellingVariant)) suggestions.Add(PasswordSuggestion.SpellingVariantsDoNotHelp);
    }

    /// <summary>A small de-duplicating list in reused memory, so feedback allocates only its final array.</summary>
    private ref struct SuggestionList(Span<PasswordSuggestion> items)
    {
        private readonly Span<PasswordSuggestion> _items = items;
        private int _count;

        public void Add(PasswordSuggestion suggestion)
        {
            if (_count == _items.Length) return;
            for (var k = 0; k < _count; k++)
            {
                if (_items[k] == suggestion) return; // a loop, not Span.Contains: no generic JIT on the first estimate
            }

            _items[_count++] = suggestion;
        }

        public readonly PasswordSuggestion[] ToArray() => _items[.._count].ToArray();
    }
}
