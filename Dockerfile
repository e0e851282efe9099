# The govkg API. Build: docker compose build (see docker-compose.yml and the README).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PIP_NO_CACHE_DIR=1 \
    GOVKG_CACHE_DIR=/opt/govkg/cache GOVKG_DATA_DIR=/data

WORKDIR /app
# numpy, cython, setuptools, wheel: `govkg setup` builds the pkuseg sdist's metadata to fetch its model
RUN pip install numpy cython "setuptools>=68" wheel
COPY pyproject.toml README.md ./
COPY govkg govkg
COPY extractors extractors
COPY graph graph
COPY cypher cypher
COPY api api
RUN pip install . && govkg setup

RUN useradd --system --uid 10001 govkg && mkdir -p /data && chown govkg /data
USER govkg
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"
CMD ["govkg", "serve", "--host", "0.0.0.0", "--port", "8000"]
