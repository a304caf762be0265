package fi.kohtaamo.guidance.internal.directory;

import fi.kohtaamo.guidance.internal.directory.DirectoryModel.AccessMode;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Channel;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Cost;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Status;
import fi.kohtaamo.guidance.internal.directory.DirectoryModel.Text;
import fi.kohtaamo.shared.LocalizedText;
import java.util.List;

/**
 * A service as checked from its form ({@link ServiceForm}): every text within its column's length, URLs http(s),
 * phone numbers and e-mail addresses well formed, ages in months. The organisation, owner, type, needs and
 * municipalities are checked against the county by {@link DirectoryService}.
 */
public record ServiceCommand(long organisationId, String serviceType, LocalizedText name, LocalizedText summary,
        LocalizedText description, Integer ageMinMonths, Integer ageMaxMonths, boolean forExpecting,
        AccessMode accessMode, LocalizedText referral, Cost cost, LocalizedText costNote, String website, Status status,
        Long ownerUserId, List<String> needs, List<String> languages, List<String> municipalities, List<Text> texts,
        List<Channel> channels) {

    public ServiceCommand {
        needs = List.copyOf(needs);
        languages = List.copyOf(languages);
        municipalities = List.copyOf(municipalities);
        texts = List.copyOf(texts);
        channels = List.copyOf(channels);
    }

    /** Whether a family can reach the service: a channel, or only through a professional who is told how. */
    public boolean reachable() {
        return !channels.isEmpty() || (accessMode == AccessMode.PROFESSIONAL_ONLY && !referral.isEmpty());
    }
}
