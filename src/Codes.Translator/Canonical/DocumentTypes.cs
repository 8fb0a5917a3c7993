namespace HealthCode.Translator.Canonical;

public static class DocumentTypes
{
    public const string ResidentId = "resident-id";
    public const string Passport = "passport";
    public const string HkMacauPermit = "hk-macau-permit";
    public const string TaiwanPermit = "taiwan-permit";
    public const string ForeignPermanentResidence = "foreign-permanent-residence";
    public const string Hkid = "hkid";
    public const string MacauId = "macau-id";
    public const string Other = "other";

    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        ResidentId, Passport, HkMacauPermit, TaiwanPermit, ForeignPermanentResidence, Hkid, MacauId, Other,
    };
}
