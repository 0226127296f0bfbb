namespace TakeoverRules.Prevention;

/// <summary>The factors of a <see cref="SecurityPosture"/>, in the order the radar chart draws them.</summary>
public enum PostureFactor
{
    /// <summary>The kind of multi-factor authentication (SMS codes are phishable, passkeys are not).</summary>
    Mfa,

    /// <summary>How hard the login password is to guess.</summary>
    PasswordStrength,

    /// <summary>Whether the login password is used only for this account.</summary>
    PasswordReuse,

    /// <summary>Which notifications of logins, trades and withdrawals are switched on.</summary>
    Notifications,

    /// <summary>Whether the login page is reached through a bookmark or the official app.</summary>
    AccessRoute,

    /// <summary>How often holdings, history and registered details are checked.</summary>
    AccountChecks,

    /// <summary>The trading PIN (取引暗証番号).</summary>
    TradingPin,
}

/// <summary>One factor's score in a <see cref="SecurityPosture"/>.</summary>
/// <param name="Factor">The factor.</param>
/// <param name="Score">From 0 (weakest) to <see cref="MaxScore"/> (the ideal).</param>
/// <param name="Weight">The factor's share of the overall score, in percent of all applicable weights.</param>
/// <param name="Label">The factor's short name, as drawn on the chart.</param>
/// <param name="Finding">What the input says about the factor, in a sentence.</param>
public sealed record PostureFactorScore(PostureFactor Factor, int Score, int Weight, BilingualText Label, BilingualText Finding)
{
    /// <summary>The ideal score of every factor.</summary>
    public const int MaxScore = 4;
}

/// <summary>One recommended action of a <see cref="SecurityPosture"/>.</summary>
/// <param name="Factor">The factor the action improves.</param>
/// <param name="Action">What to do.</param>
/// <param name="Why">Why it matters, with the source it rests on where one exists.</param>
/// <param name="Gain">How many points of the overall score (0–100) the action adds when done.</param>
public sealed record PostureAction(PostureFactor Factor, BilingualText Action, BilingualText Why, int Gain);
