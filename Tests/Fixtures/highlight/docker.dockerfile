# syntax=docker/dockerfile:1
# Build stage: compile the static site with Jekyll
ARG RUBY_VERSION=3.2
FROM ruby:${RUBY_VERSION}-slim AS build

LABEL maintainer="Alice Example <alice@example.com>" \
      org.opencontainers.image.source="https://github.com/example/blog"

ENV LANG=C.UTF-8 \
    BUNDLE_WITHOUT="development:test" \
    JEKYLL_ENV=production

RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential git nodejs \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY Gemfile Gemfile.lock ./
RUN gem install bundler -v "$(tail -n1 Gemfile.lock | tr -d ' ')" && \
    bundle config set --local deployment 'true' && \
    bundle install --jobs "$(nproc)" --retry 3

COPY . .
RUN bundle exec jekyll build --destination /site --trace; \
    if [ ! -f /site/index.html ]; then echo "build failed" >&2; exit 1; fi

# Runtime stage: a small nginx image serving the files
FROM nginx:1.25-alpine
ARG BUILD_DATE
ARG GIT_SHA=unknown
ENV SITE_ROOT=/usr/share/nginx/html
RUN addgroup -S web && adduser -S web -G web \
    && mkdir -p /var/cache/nginx /run/nginx \
    && chown -R web:web /var/cache/nginx /run/nginx
COPY --from=build --chown=web:web /site ${SITE_ROOT}
COPY nginx/default.conf /etc/nginx/conf.d/default.conf
ADD https://example.com/robots.txt ${SITE_ROOT}/robots.txt
RUN echo "${GIT_SHA} built ${BUILD_DATE}" > ${SITE_ROOT}/version.txt
RUN ["nginx", "-t"]
USER web
EXPOSE 8080
VOLUME ["/var/log/nginx"]
HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
  CMD wget -qO- http://localhost:8080/health || exit 1
STOPSIGNAL SIGQUIT
ONBUILD COPY . /app
ONBUILD RUN make -C /app
SHELL ["/bin/sh", "-c"]
ENTRYPOINT ["nginx"]
CMD ["-g", "daemon off;"]
