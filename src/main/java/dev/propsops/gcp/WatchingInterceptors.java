package dev.propsops.gcp;

import com.google.api.gax.httpjson.ApiMethodDescriptor;
import com.google.api.gax.httpjson.ForwardingHttpJsonClientCall;
import com.google.api.gax.httpjson.ForwardingHttpJsonClientCallListener;
import com.google.api.gax.httpjson.HttpJsonCallOptions;
import com.google.api.gax.httpjson.HttpJsonChannel;
import com.google.api.gax.httpjson.HttpJsonClientCall;
import com.google.api.gax.httpjson.HttpJsonClientInterceptor;
import com.google.api.gax.httpjson.HttpJsonMetadata;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/** Feed every attempt of a gRPC or HttpJson client into a {@link SlowCallWatch}. */
final class WatchingInterceptors {
    private WatchingInterceptors() {
    }

    static ClientInterceptor grpc(SlowCallWatch watch) {
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        long attempt = watch.attemptStarted();
                        super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                            @Override
                            public void onHeaders(Metadata h) {
                                watch.answered(attempt);
                                super.onHeaders(h);
                            }

                            @Override
                            public void onMessage(R message) {
                                watch.answered(attempt);
                                super.onMessage(message);
                            }

                            @Override
                            public void onClose(Status status, Metadata trailers) {
                                watch.attemptEnded(attempt, status.isOk() || status.getCode() == Status.Code.CANCELLED
                                        ? null : describe(status));
                                super.onClose(status, trailers);
                            }
                        }, headers);
                    }
                };
            }
        };
    }

    static HttpJsonClientInterceptor httpJson(SlowCallWatch watch) {
        return new HttpJsonClientInterceptor() {
            @Override
            public <Q, R> HttpJsonClientCall<Q, R> interceptCall(ApiMethodDescriptor<Q, R> method, HttpJsonCallOptions options,
                    HttpJsonChannel next) {
                HttpJsonClientCall<Q, R> call = next.newCall(method, options);
                return new ForwardingHttpJsonClientCall<>() {
                    @Override
                    protected HttpJsonClientCall<Q, R> delegate() {
                        return call;
                    }

                    @Override
                    public void start(HttpJsonClientCall.Listener<R> listener, HttpJsonMetadata headers) {
                        long attempt = watch.attemptStarted();
                        super.start(new ForwardingHttpJsonClientCallListener<>() {
                            @Override
                            protected HttpJsonClientCall.Listener<R> delegate() {
                                return listener;
                            }

                            @Override
                            public void onMessage(R message) {
                                watch.answered(attempt);
                                super.onMessage(message);
                            }

                            @Override
                            public void onClose(int statusCode, HttpJsonMetadata trailers) {
                                watch.attemptEnded(attempt, statusCode / 100 == 2 ? null
                                        : "HTTP " + statusCode + (trailers.getException() == null ? ""
                                                : ": " + firstLine(trailers.getException())));
                                super.onClose(statusCode, trailers);
                            }
                        }, headers);
                    }
                };
            }
        };
    }

    static String describe(Status status) {
        String d = status.getDescription();
        Throwable cause = status.getCause();
        String text = status.getCode() + (d == null ? "" : ": " + d);
        if (cause != null && (d == null || !d.contains(String.valueOf(cause.getMessage())))) {
            text += " (" + firstLine(cause) + ")";
        }
        return text;
    }

    static String firstLine(Throwable t) {
        String m = t.getMessage();
        return t.getClass().getSimpleName() + (m == null ? "" : " " + m.lines().findFirst().orElse(""));
    }
}
