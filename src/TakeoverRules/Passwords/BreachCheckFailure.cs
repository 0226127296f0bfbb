namespace TakeoverRules.Passwords;

/// <summary>Why a breached-password source could not answer.</summary>
public enum BreachCheckFailure
{
    /// <summary>The check did not fail.</summary>
    None,

    /// <summary>The source did not answer within its timeout.</summary>
    Timeout,

    /// <summary>The connection failed (DNS, refused, reset, TLS).</summary>
    NetworkError,

    /// <summary>The HTTP service answered with a status other than 200.</summary>
    HttpStatus,

    /// <summary>The response was larger than the configured limit.</summary>
    ResponseTooLarge,

    /// <summary>The response or file did not have the <c>HASH:COUNT</c> line format.</summary>
    MalformedData,

    /// <summary>The local hash file could not be read.</summary>
    FileError,
}
