namespace TakeoverRules.Passwords;

/// <summary>
/// Estimated seconds an attacker needs to reach the password in four attack scenarios (the zxcvbn model:
/// the estimated guesses divided by the guessing rate). Values may be <see cref="double.PositiveInfinity"/> for
/// very long passwords.
/// </summary>
/// <param name="OnlineThrottledSeconds">Online attack against a login form that allows 100 guesses an hour.</param>
/// <param name="OnlineUnthrottledSeconds">Online attack at 10 guesses a second.</param>
/// <param name="OfflineSlowHashSeconds">Offline attack on a stolen slow hash (bcrypt, scrypt, PBKDF2) at 10^4 guesses a second.</param>
/// <param name="OfflineFastHashSeconds">Offline attack on a stolen fast or unsalted hash at 10^10 guesses a second.</param>
public readonly record struct PasswordCrackTimes(
    double OnlineThrottledSeconds,
    double OnlineUnthrottledSeconds,
    double OfflineSlowHashSeconds,
    double OfflineFastHashSeconds)
{
    internal static PasswordCrackTimes FromLog10Guesses(double log10Guesses) => new(
        Seconds(log10Guesses, 100.0 / 3600.0),
        Seconds(log10Guesses, 10),
        Seconds(log10Guesses, 1e4),
        Seconds(log10Guesses, 1e10));

    private static double Seconds(double log10Guesses, double perSecond) => Math.Pow(10, log10Guesses - Math.Log10(perSecond));
}
