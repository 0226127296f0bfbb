using System.Diagnostics.CodeAnalysis;

namespace TakeoverRules.Passwords.Matching;

/// <summary>A pattern found at [<see cref="I"/>, <see cref="J"/>] (inclusive) with its guesses in log10.</summary>
internal struct Candidate
{
    public int I;
    public int J;
    public PasswordPatternKind Kind;
    public double Log10;
    public PasswordWordList Dictionary;
    public int Rank;
    public CandidateFlags Flags;
    public PasswordKeyboard Keyboard;

    /// <summary>Kind-specific detail used by feedback: keyboard turns, repeat base length, or year.</summary>
    public int Aux;

    public readonly int Length => J - I + 1;
}

[Flags]
internal enum CandidateFlags : ushort
{
    None = 0,
    Reversed = 1,
    L33t = 2,
    AllUpper = 4,
    SomeUpper = 8,
    CommonPassword = 16,
    Separator = 32,
    KanaKeys = 64,
    LetterKeysInKanaMode = 128,
    SpellingVariant = 256,
}

/// <summary>
/// Per-thread working memory, reused so that an estimate allocates only its result. It also stands in for stackalloc
/// in methods with loops: the JIT compiles such methods fully optimised on first call (on-stack replacement cannot
/// handle stackalloc), which cost the first estimate in a fresh process several milliseconds each.
/// </summary>
internal sealed class EstimationScratch
{
    [ThreadStatic]
    private static EstimationScratch? _cached;

    public char[] Text;
    public char[] Lower;
    public char[] Reversed;
    public Candidate[] Matches = new Candidate[256];
    public int MatchCount;
    public Candidate[] Sorted = new Candidate[256];
    public int[] EndStart;
    public double[] BruteForcePrefix;
    public int[] Cursor;
    public int[] RowTop;
    public char[] Substituted = new char[DictionaryMatcher.MaxWordLength];
    public char[] Digits = new char[PhoneNumberMatcher.MaxDigits];
    public Candidate[] Chosen = new Candidate[Decomposition.MaxSequence];
    public PasswordSuggestion[] Suggestions = new PasswordSuggestion[FeedbackBuilder.MaxSuggestions];
    public double[] RunMin = new double[Decomposition.MaxSequence + 1];
    public int[] RunArg = new int[Decomposition.MaxSequence + 1];

    // Decomposition state, (length + 1) * (MaxSequence + 1) entries.
    public double[] Pi;
    public int[] Choice;

    // Sized for the first caller at once: every page of fresh memory costs the first estimate in a process time.
    private EstimationScratch(int length) => Allocate(length);

    public static EstimationScratch Rent(int length)
    {
        var scratch = _cached ?? new EstimationScratch(length);
        _cached = null;
        scratch.Ensure(length);
        scratch.MatchCount = 0;
        return scratch;
    }

    /// <summary>Takes the memory back, wiped of the password's characters so they do not outlive the estimate.</summary>
    public static void Return(EstimationScratch scratch)
    {
        Array.Clear(scratch.Text);
        Array.Clear(scratch.Lower);
        Array.Clear(scratch.Reversed);
        Array.Clear(scratch.Substituted);
        Array.Clear(scratch.Digits);
        _cached = scratch;
    }

    public void Add(in Candidate candidate)
    {
        if (MatchCount == Matches.Length) Array.Resize(ref Matches, Matches.Length * 2);
        Matches[MatchCount++] = candidate;
    }

    private void Ensure(int length)
    {
        if (Text.Length < length) Allocate(Math.Max(length, Text.Length * 2));
    }

    [MemberNotNull(nameof(Text), nameof(Lower), nameof(Reversed), nameof(EndStart), nameof(Cursor), nameof(RowTop), nameof(BruteForcePrefix), nameof(Pi), nameof(Choice))]
    private void Allocate(int size)
    {
        Text = new char[size];
        Lower = new char[size];
        Reversed = new char[size];
        EndStart = new int[size + 1];
        Cursor = new int[size];
        RowTop = new int[size];
        BruteForcePrefix = new double[size + 1];
        Pi = new double[(size + 1) * (Decomposition.MaxSequence + 1)];
        Choice = new int[Pi.Length];
    }
}
