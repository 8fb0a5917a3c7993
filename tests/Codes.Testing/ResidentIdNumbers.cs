using System.Globalization;

namespace HealthCode.Testing;

/// <summary>Valid GB 11643 resident id numbers for made-up holders, one per index.</summary>
public static class ResidentIdNumbers
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Area 310104 (Shanghai Huangpu), a birth date and a serial from the index, and the ISO 7064 MOD 11-2 check character.</summary>
    public static string Make(int index)
    {
        var body = "310104" + new DateTime(1950, 1, 1).AddDays(index / 1000 % 20000).ToString("yyyyMMdd", CultureInfo.InvariantCulture)
                   + (index % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * Weights[i]).Sum();
        return body + "10X98765432"[sum % 11];
    }
}
