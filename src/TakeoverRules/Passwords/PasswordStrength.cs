namespace TakeoverRules.Passwords;

/// <summary>
/// One-line access to a shared, default <see cref="PasswordStrengthEstimator"/>. Thread-safe. Prefer injecting an
/// estimator (registered by <c>AddTakeoverRules</c>) when you need options such as context words.
/// </summary>
public static class PasswordStrength
{
    private static readonly Lazy<PasswordStrengthEstimator> Default = new(() => new PasswordStrengthEstimator());

    /// <summary>The shared estimator with default options.</summary>
    public static PasswordStrengthEstimator DefaultEstimator => Default.Value;

    /// <summary>Estimates the strength of <paramref name="password"/> with the default estimator.</summary>
    /// <param name="password">The password as typed; it is never stored or echoed.</param>
    /// <param name="userInputs">The user's own details (login ID, e-mail, names, birthday, phone) to penalise; may be null.</param>
    /// <returns>The estimate; never contains the password.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="password"/> is null.</exception>
    /// <exception cref="InvalidPasswordTextException"><paramref name="password"/> holds an unpaired surrogate (it is not text).</exception>
    public static PasswordEstimate Estimate(string password, IReadOnlyList<string>? userInputs = null) =>
        Default.Value.Estimate(password, userInputs);
}
