package org.corridor.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Signed notes and checkpoints, held to the published example of the Go reference implementation. */
class SignedNoteTest {
    // From golang.org/x/mod/sumdb/note's documentation and tests.
    private static final String VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    private static final String TEXT =
            "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
    private static final String NOTE = TEXT
            + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @Test
    void goReferenceKey_signsTheReferenceNote_byteForByte() {
        SignedNote.Signer signer = SignedNote.Signer.parse(SKEY);
        assertThat(signer.verifier().text()).isEqualTo(VKEY);
        assertThat(signer.privateKeyText()).isEqualTo(SKEY);
        assertThat(signer.sign(TEXT)).isEqualTo(NOTE);
        assertThat(SignedNote.Verifier.parse(VKEY).open(NOTE)).isEqualTo(TEXT);
    }

    @Test
    void aChangedNote_orAnotherKey_doesNotOpen() {
        SignedNote.Verifier verifier = SignedNote.Verifier.parse(VKEY);
        assertThatThrownBy(() -> verifier.open(NOTE.replace("problem,", "problem;")))
                .isInstanceOf(ProofException.class)
                .hasMessageContaining("does not verify");
        SignedNote.Verifier other = SignedNote.Signer.generate("PeterNeumann").verifier();
        assertThatThrownBy(() -> other.open(NOTE)).hasMessageContaining("no signature by PeterNeumann");
        assertThatThrownBy(() -> verifier.open(TEXT)).hasMessageContaining("not a signed note");
        assertThatThrownBy(() -> verifier.open(TEXT + "\nPeterNeumann abc\n")).hasMessageContaining("em dash");
    }

    @Test
    void mangledKeys_areRefused() {
        assertThatThrownBy(() -> SignedNote.Verifier.parse(VKEY.replace("c74f20a3", "c74f20a4")))
                .hasMessageContaining("does not match");
        assertThatThrownBy(() -> SignedNote.Verifier.parse("PeterNeumann+c74f20a3"))
                .hasMessageContaining("name+keyid+base64");
        assertThatThrownBy(() -> SignedNote.Signer.parse(VKEY)).hasMessageContaining("PRIVATE+KEY+");
        assertThatThrownBy(() -> SignedNote.Signer.generate("two words")).hasMessageContaining("key name");
    }

    @Test
    void checkpoints_roundTrip_andAreCheckedLineByLine() {
        SignedNote.Signer signer = SignedNote.Signer.generate("corridor");
        Checkpoint checkpoint = new Checkpoint("corridor/aleppo-2016-12", 53, MerkleLog.leafHash(new byte[] {1}));
        String note = signer.sign(checkpoint.text());
        assertThat(note).startsWith("corridor/aleppo-2016-12\n53\n");
        assertThat(Checkpoint.parse(signer.verifier().open(note))).isEqualTo(checkpoint);

        assertThatThrownBy(() -> Checkpoint.parse("o\n-1\nAAAA\n")).hasMessageContaining("tree size in decimal");
        assertThatThrownBy(() -> Checkpoint.parse("o\n01\nAAAA\n")).hasMessageContaining("tree size in decimal");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\nAAAA\n")).hasMessageContaining("not 32");
        assertThatThrownBy(() -> Checkpoint.parse("o\n1\n")).hasMessageContaining("at least three lines");
    }
}
