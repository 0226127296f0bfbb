namespace TakeoverRules.Passwords;

/// <summary>
/// Strength bands on the estimated number of guesses an attacker needs (the zxcvbn thresholds 10^3, 10^6, 10^8, 10^10).
/// </summary>
public enum PasswordScore
{
    /// <summary>Fewer than about 10^3 guesses: guessed almost at once, even through a throttled login form.</summary>
    VeryWeak = 0,

    /// <summary>Fewer than about 10^6 guesses: guessed by an online attack on a throttled login form.</summary>
    Weak = 1,

    /// <summary>Fewer than about 10^8 guesses: safe from throttled online attacks, not from unthrottled ones.</summary>
    Fair = 2,

    /// <summary>Fewer than about 10^10 guesses: safe from online attacks; an offline attack on a slow hash is still possible.</summary>
    Strong = 3,

    /// <summary>At least about 10^10 guesses: strong against offline attacks on a slow hash.</summary>
    VeryStrong = 4,
}
