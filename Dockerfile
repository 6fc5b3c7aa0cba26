# The Dossier application image: OCR engines, poppler, CJK fonts, the project.
FROM python:3.11-slim-bookworm
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra poppler-utils \
      fonts-noto-cjk fonts-wqy-zenhei fonts-wqy-microhei fonts-arphic-uming fonts-arphic-ukai libgl1 libglib2.0-0 \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY dossier dossier
COPY ingest ingest
COPY classify classify
COPY search search
COPY worker worker
COPY samples samples
COPY migrations migrations
RUN pip install --no-cache-dir .
ENV DOSSIER_HOME=/data
VOLUME ["/data", "/scans"]
ENTRYPOINT ["dossier"]
CMD ["watch", "/scans"]
