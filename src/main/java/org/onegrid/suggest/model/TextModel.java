package org.onegrid.suggest.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained one-vs-rest logistic regression from a text's {@link Features} to catalog items. Immutable and safe to
 * share between threads. A confidence is the item's logistic probability divided by the sum over all items (as
 * liblinear reports probabilities of one-vs-rest models), so the confidences of all items sum to 1.
 */
public final class TextModel {

    private static final int MAGIC = 0x4f475331; // "OGS1"

    private final String[] labels;
    private final String[] features;
    private final Map<String, Integer> index;
    /** Feature-major: {@code weights[f * labels.length + k]}; the bias is the row after the last feature. */
    private final float[] weights;

    TextModel(String[] labels, String[] features, float[] weights) {
        if (weights.length != (features.length + 1) * labels.length) {
            throw new IllegalArgumentException(
                    "weights do not fit " + features.length + " features and " + labels.length + " labels");
        }
        this.labels = labels;
        this.features = features;
        this.weights = weights;
        this.index = new HashMap<>(features.length * 2);
        for (int i = 0; i < features.length; i++) {
            index.put(features[i], i);
        }
    }

    /** The item codes this model knows, in its order. */
    public List<String> labels() {
        return List.of(labels);
    }

    public int featureCount() {
        return features.length;
    }

    /** The {@code limit} likeliest items among those {@code allowed}, likeliest first. */
    public List<Scored> top(String text, int limit, Predicate<String> allowed) {
        double[] p = probabilities(text);
        List<Integer> order = new ArrayList<>(labels.length);
        for (int k = 0; k < labels.length; k++) {
            if (allowed.test(labels[k])) {
                order.add(k);
            }
        }
        order.sort((a, b) -> Double.compare(p[b], p[a]));
        List<Scored> out = new ArrayList<>(Math.min(limit, order.size()));
        for (int i = 0; i < order.size() && i < limit; i++) {
            int k = order.get(i);
            out.add(new Scored(labels[k], p[k]));
        }
        return Collections.unmodifiableList(out);
    }

    /** The confidence of every label, in {@link #labels()} order. */
    double[] probabilities(String text) {
        int n = labels.length;
        Set<String> present = Features.of(text);
        int[] found = new int[present.size()];
        int count = 0;
        for (String f : present) {
            Integer i = index.get(f);
            if (i != null) {
                found[count++] = i;
            }
        }
        double value = count == 0 ? 0 : 1 / Math.sqrt(count);
        double[] score = new double[n];
        int bias = features.length * n;
        for (int k = 0; k < n; k++) {
            score[k] = weights[bias + k];
        }
        for (int j = 0; j < count; j++) {
            int row = found[j] * n;
            for (int k = 0; k < n; k++) {
                score[k] += weights[row + k] * value;
            }
        }
        double sum = 0;
        for (int k = 0; k < n; k++) {
            score[k] = 1 / (1 + Math.exp(-score[k]));
            sum += score[k];
        }
        for (int k = 0; k < n; k++) {
            score[k] /= sum;
        }
        return score;
    }

    /** The model as bytes, to be kept in the database. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(labels.length);
            out.writeInt(features.length);
            for (String l : labels) {
                out.writeUTF(l);
            }
            for (String f : features) {
                out.writeUTF(f);
            }
            for (float w : weights) {
                out.writeFloat(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A model from {@link #toBytes()}. */
    public static TextModel fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("Not a suggestion model");
            }
            String[] labels = new String[in.readInt()];
            String[] features = new String[in.readInt()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = in.readUTF();
            }
            for (int i = 0; i < features.length; i++) {
                features[i] = in.readUTF();
            }
            float[] weights = new float[(features.length + 1) * labels.length];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            return new TextModel(labels, features, weights);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
