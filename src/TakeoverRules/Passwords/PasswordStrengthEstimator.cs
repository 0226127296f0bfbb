using System.Text;
using TakeoverRules.Passwords.Matching;

namespace TakeoverRules.Passwords;

/// <summary>
/// Estimates how many guesses an attacker needs for a password, in the zxcvbn family (ranked dictionaries,
/// keyboard walks, sequences, repeats, dates, then the cheapest decomposition), with Japanese patterns (romaji
/// words and names, era years, phone numbers, the JIS keyboard and phone keypads), NFKC normalization and a
/// bounded cost for any input. Thread-safe: one instance can serve every request; the dictionaries load once,
/// lazily, on the first estimate.
/// </summary>
public sealed class PasswordStrengthEstimator
{
    private readonly int _maxAnalyzedLength;
    private readonly int? _referenceYear;
    private readonly TimeProvider _timeProvider;
    private readonly string[] _contextTokens;

    /// <summary>Creates an estimator.</summary>
    /// <param name="options">Options; defaults when null. Copied, so later changes to it have no effect.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message lists every problem.</exception>
    public PasswordStrengthEstimator(PasswordEstimatorOptions? options = null)
    {
        options ??= new PasswordEstimatorOptions();
        var errors = new List<string>();
        options.Validate(errors, nameof(PasswordEstimatorOptions));
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        _maxAnalyzedLength = options.MaxAnalyzedLength;
        _referenceYear = options.ReferenceYear;
        _timeProvider = options.TimeProvider;
        _contextTokens = options.ContextWords.Count > 0 ? UserInputMatcher.Tokenize(options.ContextWords) : [];
    }

    /// <summary>Estimates the strength of <paramref name="password"/>.</summary>
    /// <param name="password">The password as typed; it is never stored or echoed.</param>
    /// <param name="userInputs">The user's own details (login ID, e-mail, names, birthday, phone) to penalise; may be null.</param>
    /// <returns>The estimate; never contains the password.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is null.</exception>
    /// <exception cref="InvalidPasswordTextException"><paramref name="password"/> holds an unpaired surrogate (it is not text).</exception>
    public PasswordEstimate Estimate(string password, IReadOnlyList<string>? userInputs = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        return Estimate(password.AsSpan(), userInputs);
    }

    /// <summary>
    /// Estimates the strength of a password received as UTF-8 bytes (a request body, a terminal), decoding strictly:
    /// bytes that are not UTF-8 are refused, never replaced with U+FFFD and scored.
    /// </summary>
    /// <param name="utf8Password">The password's UTF-8 bytes, without a byte-order mark; never stored or echoed.</param>
    /// <param name="userInputs">The user's own details (login ID, e-mail, names, birthday, phone) to penalise; may be null.</param>
    /// <returns>The estimate; never contains the password.</returns>
    /// <exception cref="InvalidPasswordTextException">The bytes are not valid UTF-8; <see cref="InvalidPasswordTextException.Position"/> is the first bad byte.</exception>
    public PasswordEstimate EstimateUtf8(ReadOnlySpan<byte> utf8Password, IReadOnlyList<string>? userInputs = null)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Password))
        {
            throw new InvalidPasswordTextException(nameof(utf8Password), PasswordNormalization.FirstInvalidUtf8Byte(utf8Password), utf8: true);
        }

        var charCount = Encoding.UTF8.GetCharCount(utf8Password);
        char[]? rented = null;
        var chars = charCount <= 256 ? stackalloc char[charCount] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(charCount)).AsSpan(0, charCount);
        try
        {
            Encoding.UTF8.GetChars(utf8Password, chars);
            return Estimate(chars, userInputs);
        }
        finally
        {
            chars.Clear();
            if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        }
    }

    /// <summary>Estimates the strength of <paramref name="password"/> without requiring a string.</summary>
    /// <param name="password">The password as typed; it is never stored or echoed.</param>
    /// <param name="userInputs">The user's own details (login ID, e-mail, names, birthday, phone) to penalise; may be null.</param>
    /// <returns>The estimate; never contains the password.</returns>
    /// <exception cref="InvalidPasswordTextException"><paramref name="password"/> holds an unpaired surrogate (it is not text).</exception>
    public PasswordEstimate Estimate(ReadOnlySpan<char> password, IReadOnlyList<string>? userInputs = null)
    {
        if (PasswordNormalization.IndexOfUnpairedSurrogate(password) is var bad and >= 0)
        {
            throw new InvalidPasswordTextException(nameof(password), bad, utf8: false);
        }

        // Telemetry (PasswordTelemetry.cs): set by AddTakeoverRules; null for an estimator created with new.
        var estimate = EstimateCore(password, userInputs);
        Telemetry?.Estimated(estimate);
        return estimate;
    }

    // Off only in the evaluation harness's tuning mode, which blends the two estimates itself.
    internal bool UseLearnedModel { get; init; } = true;

    // Telemetry hook: the registered estimator counts estimates by score.
    internal PasswordTelemetry? Telemetry { get; init; }

    private PasswordEstimate EstimateCore(ReadOnlySpan<char> password, IReadOnlyList<string>? userInputs)
    {
        var userTokens = userInputs is { Count: > 0 } ? UserInputMatcher.Tokenize(userInputs) : [];
        var referenceYear = _referenceYear ?? _timeProvider.GetUtcNow().Year;
        var scratch = EstimationScratch.Rent(_maxAnalyzedLength);
        try
        {
            var length = Prepare(scratch, password, out var rest, out var wasNormalized);
            var codePoints = PasswordNormalization.CountCodePoints(scratch.Text.AsSpan(0, length)) + rest;
            if (length == 0)
                return new PasswordEstimate(rest, FeedbackBuilder.Build([], PasswordScore.VeryWeak, wasNormalized, scratch.Suggestions), [], codePoints, wasNormalized, rest > 0);

            Decomposition.PrepareBruteForce(scratch, length);
            DictionaryMatcher.Match(scratch, length);
            KanaInputMatcher.Match(scratch, length);
            if (userTokens.Length > 0) UserInputMatcher.Match(scratch, length, userTokens, PasswordWordList.UserInputs);
            if (_contextTokens.Length > 0) UserInputMatcher.Match(scratch, length, _contextTokens, PasswordWordList.ContextWords);
            KeyboardMatcher.Match(scratch, length);
            SequenceMatcher.Match(scratch, length);
            DateMatcher.Match(scratch, length, referenceYear);
            RepeatMatcher.Match(scratch, length, scratch.MatchCount);
            PhoneNumberMatcher.Match(scratch, length, scratch.MatchCount);

            Decomposition.RepriceCoveredCharacters(scratch, length);
            var log10 = Decomposition.Solve(scratch, length, out var sequenceLength);
            // The learned model (MarkovModel) can only lower the patterns' estimate of the analysed prefix.
            if (UseLearnedModel && MarkovModel.Instance.TryGuessesLog10(scratch.Text.AsSpan(0, length), out var modelLog10))
                log10 = LearnedModelBlend.Combine(log10, modelLog10);
            var count = Decomposition.Unwind(scratch, length, sequenceLength, scratch.Chosen);
            var chosen = scratch.Chosen.AsSpan(0, count);

            // Beyond the analysed prefix: the cheapest extension of what the prefix shows (see TailLog10).
            var periodic = false;
            var tailLog10 = rest > 0 ? LongInput.TailLog10(password, Math.Min(password.Length, _maxAnalyzedLength), length, rest, out periodic) : 0;
            log10 += tailLog10;
            var patterns = new PasswordPattern[count + (rest > 0 ? 1 : 0)];
            for (var k = 0; k < count; k++) patterns[k] = ToPattern(chosen[k]);
            if (rest > 0)
            {
                patterns[^1] = new PasswordPattern
                {
                    Kind = periodic ? PasswordPatternKind.Repeat : PasswordPatternKind.BruteForce, Start = length, Length = rest, GuessesLog10 = tailLog10,
                };
            }

            var feedback = FeedbackBuilder.Build(chosen, PasswordEstimate.ScoreOf(log10), wasNormalized, scratch.Suggestions, CallerWordsFound(scratch));
            return new PasswordEstimate(log10, feedback, patterns, codePoints, wasNormalized, rest > 0);
        }
        finally
        {
            EstimationScratch.Return(scratch);
        }
    }

    /// <summary>
    /// Whether the whole password (already normalized with <see cref="PasswordNormalization.Normalize"/>) is in the
    /// embedded common-passwords list, compared case-insensitively, and its 1-based frequency rank there.
    /// </summary>
    internal static bool TryGetCommonPasswordRank(ReadOnlySpan<char> normalized, out int rank)
    {
        rank = 0;
        if (normalized.Length is 0 or > DictionaryMatcher.MaxWordLength) return false;
        Span<char> lower = stackalloc char[normalized.Length];
        PasswordNormalization.ToLowerInvariant(normalized, lower);
        var dictionaries = RankedDictionaries.Instance;
        if (!dictionaries.TryFind(lower, out var index)) return false;
        rank = dictionaries.CommonPasswordRankOf(index);
        return rank > 0;
    }

    // Copies the analysed prefix (NFKC-normalized, at most _maxAnalyzedLength code units) into the scratch buffers
    // and returns its length; rest = code points beyond it.
    private int Prepare(EstimationScratch scratch, ReadOnlySpan<char> password, out int rest, out bool wasNormalized)
    {
        var max = _maxAnalyzedLength;
        var head = password[..Math.Min(password.Length, max)];
        ReadOnlySpan<char> analysed;
        string? normalized;
        if (Ascii.IsValid(head))
        {
            analysed = head;
            rest = PasswordNormalization.CountCodePoints(password[head.Length..]);
            wasNormalized = false;
        }
        else
        {
            // Normalize a bounded prefix only: NFKC can grow text, and a 1 MB paste must stay cheap.
            var prefixLength = Math.Min(password.Length, max * 2);
            if (prefixLength < password.Length && char.IsHighSurrogate(password[prefixLength - 1])) prefixLength--;
            var prefix = password[..prefixLength];
            normalized = PasswordNormalization.Normalize(prefix);
            wasNormalized = !normalized.AsSpan().SequenceEqual(prefix);
            var take = Math.Min(normalized.Length, max);
            if (take < normalized.Length && char.IsHighSurrogate(normalized[take - 1])) take--;
            analysed = normalized.AsSpan(0, take);
            rest = PasswordNormalization.CountCodePoints(normalized.AsSpan(take)) + PasswordNormalization.CountCodePoints(password[prefixLength..]);
        }

        analysed.CopyTo(scratch.Text);
        PasswordNormalization.ToLowerInvariant(analysed, scratch.Lower);
        return analysed.Length;
    }

    // The user's or the service's words anywhere in the password deserve a warning even when a cheaper pattern
    // (a surname, a common word) explains the same characters.
    private static PasswordWordList CallerWordsFound(EstimationScratch scratch)
    {
        var found = PasswordWordList.None;
        foreach (ref readonly var c in scratch.Matches.AsSpan(0, scratch.MatchCount))
        {
            if (c.Dictionary == PasswordWordList.UserInputs) return PasswordWordList.UserInputs;
            if (c.Dictionary == PasswordWordList.ContextWords) found = PasswordWordList.ContextWords;
        }

        return found;
    }

    private static PasswordPattern ToPattern(in Candidate c) => new()
    {
        Kind = c.Kind,
        Start = c.I,
        Length = c.Length,
        GuessesLog10 = c.Log10,
        WordList = c.Dictionary,
        Rank = c.Rank,
        IsReversed = c.Flags.HasFlag(CandidateFlags.Reversed),
        HasSubstitutions = c.Flags.HasFlag(CandidateFlags.L33t),
        InputMode = c.Flags.HasFlag(CandidateFlags.KanaKeys) ? PasswordInputMode.KanaKeys
            : c.Flags.HasFlag(CandidateFlags.LetterKeysInKanaMode) ? PasswordInputMode.LetterKeysInKanaMode : PasswordInputMode.AsTyped,
        IsSpellingVariant = c.Flags.HasFlag(CandidateFlags.SpellingVariant),
        Keyboard = c.Keyboard,
    };
}
