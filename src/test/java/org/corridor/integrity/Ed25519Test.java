package org.corridor.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Ed25519 as RFC 8032 defines it, held to the same answers as the JDK's own provider. */
class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();

    // RFC 8032 §7.1, TEST 1 and TEST 2.
    private static final String[][] RFC8032 = {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        }
    };

    @Test
    void rfc8032Vectors_signAndVerify() {
        for (String[] vector : RFC8032) {
            Ed25519.KeyPair key = Ed25519.KeyPair.fromSeed(HEX.parseHex(vector[0]));
            byte[] message = HEX.parseHex(vector[2]);
            assertThat(key.publicKey().raw()).isEqualTo(HEX.parseHex(vector[1]));
            assertThat(key.sign(message)).isEqualTo(HEX.parseHex(vector[3]));
            assertThat(key.publicKey().verify(message, HEX.parseHex(vector[3]))).isTrue();
        }
    }

    @Property(tries = 200)
    void agreesWithTheJdk(@ForAll @Size(max = 300) byte[] message, @ForAll int flip) throws Exception {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        byte[] ours = key.sign(message);

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(jdkPrivateKey(key));
        jdk.update(message);
        assertThat(jdk.sign()).as("RFC 8032 signatures are deterministic").isEqualTo(ours);

        byte[] damaged = ours.clone();
        int bit = Math.floorMod(flip, damaged.length * 8);
        damaged[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThat(key.publicKey().verify(message, ours)).isTrue();
        assertThat(key.publicKey().verify(message, damaged)).isEqualTo(jdkVerifies(key, message, damaged));
        assertThat(key.publicKey().verify(message, damaged)).isFalse();
        if (message.length > 0) {
            byte[] other = message.clone();
            other[0] ^= 1;
            assertThat(key.publicKey().verify(other, ours)).isFalse();
        }
    }

    @Test
    void aSignatureWithSAboveTheGroupOrder_isRefused_asTheJdkDoes() throws Exception {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        byte[] message = "malleable?".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        // S + L, where L is the order of the base point: the same point equation holds, but RFC 8032 refuses it.
        byte[] order = HEX.parseHex("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
        int carry = 0;
        for (int i = 0; i < 32; i++) {
            int sum = (signature[32 + i] & 0xff) + (order[i] & 0xff) + carry;
            signature[32 + i] = (byte) sum;
            carry = sum >> 8;
        }
        assertThat(key.publicKey().verify(message, signature)).isFalse();
        assertThat(jdkVerifies(key, message, signature)).isFalse();
    }

    @Test
    void publicKeys_mustBe32BytesOfAPointInTheGroup() {
        assertThatThrownBy(() -> Ed25519.PublicKey.of(new byte[31])).hasMessageContaining("32 bytes, not 31");
        // The identity point (y = 1) has small order: no signature by it means anything.
        byte[] identity = new byte[32];
        identity[0] = 1;
        assertThatThrownBy(() -> Ed25519.PublicKey.of(identity)).hasMessageContaining("not an Ed25519 public key");
        assertThatThrownBy(() -> Ed25519.PublicKey.ofBase64("not base64!")).hasMessageContaining("base64");
        assertThat(Ed25519.KeyPair.generate().publicKey().verify(new byte[0], new byte[63]))
                .isFalse();
    }

    @Test
    void signaturesOfTheWrongLength_areRefused_notThrown() {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        byte[] signature = key.sign(new byte[] {1});
        assertThat(key.publicKey().verify(new byte[] {1}, Arrays.copyOf(signature, 63)))
                .isFalse();
        assertThat(key.publicKey().verify(new byte[] {1}, Arrays.copyOf(signature, 65)))
                .isFalse();
        assertThat(key.publicKey().verify(new byte[] {1}, null)).isFalse();
    }

    @Test
    void pkcs8Pem_roundTrips_andIsWhatTheJdkReads() throws Exception {
        Ed25519.KeyPair key = Ed25519.KeyPair.generate();
        String pem = Ed25519.pkcs8Pem(key);
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertThat(Ed25519.fromPkcs8Pem(pem).publicKey()).isEqualTo(key.publicKey());
        assertThat(jdkPrivateKey(key).getAlgorithm()).isIn("Ed25519", "EdDSA");
        assertThat(key.toString())
                .doesNotContain(Ed25519.pkcs8Pem(key).lines().toList().get(1));

        assertThatThrownBy(() -> Ed25519.fromPkcs8Pem("hello")).hasMessageContaining("not a PEM private key");
        String rsaLike = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEI\n-----END PRIVATE KEY-----\n";
        assertThatThrownBy(() -> Ed25519.fromPkcs8Pem(rsaLike)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PrivateKey jdkPrivateKey(Ed25519.KeyPair key) throws Exception {
        String pem = Ed25519.pkcs8Pem(key);
        byte[] der = java.util.Base64.getMimeDecoder()
                .decode(pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", ""));
        return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static boolean jdkVerifies(Ed25519.KeyPair key, byte[] message, byte[] signature) throws Exception {
        // X.509 SubjectPublicKeyInfo for Ed25519: a fixed 12-byte prefix and the raw key.
        byte[] spki = new byte[44];
        System.arraycopy(HEX.parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(key.publicKey().raw(), 0, spki, 12, 32);
        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initVerify(
                KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(spki)));
        jdk.update(message);
        try {
            return jdk.verify(signature);
        } catch (java.security.SignatureException e) {
            return false;
        }
    }
}
